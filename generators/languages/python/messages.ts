import { defineLanguageMessages } from '../../core/explain/catalog.js';

/** What Python output says: stage banners, header summaries, runtime reasons and --explain comments, in English and French (same keys, checked by the compiler). */
export const PYTHON_MESSAGES = defineLanguageMessages({
  en: {
    'note.python.platforms':
      'Multi-platform ({platforms}): the install runs on each target platform (wheels are per platform, and a package without one compiles there), emulated by QEMU on a machine of another architecture (several times slower).',
    'ignore.python': 'Virtualenvs, bytecode and tool caches from the host: the image makes its own venv for Linux.',
    'stage.python.build': '---- build: Python, its build tools and a venv at /opt/venv; only the venv ships ----',
    'stage.python.distroless': "---- runtime: distroless python3 has Debian's Python and glibc, no shell and no pip ----",
    'stage.python.slim': '---- runtime: python slim, with a shell for debugging ----',
    'summary.python.build': 'makes the venv {venv} with Python {version} ({image}) and installs into it; only the venv ships.',
    'summary.python.runtime': '{image} with the venv and the app',
    'reason.python.distroless': "distroless python3 holds Debian's Python {version} and its libraries only: no shell, no pip, nothing to patch",
    'reason.python.slim': '{blocker}, so the runtime is python slim',
    'why.python.from-build-apt':
      "Debian 13, the distribution distroless python3 is made from: its python{version} lives at /usr/bin, the very path the runtime has. A venv's python is a link to the interpreter that made it, so a venv made in python:{version} (/usr/local/bin) would not start on distroless.",
    'why.python.from-build':
      'The python image, with compilers and headers for dependencies that build C code. None of it reaches the final image; only the venv does.',
    'why.python.builder-packages':
      'What the builder needs and the runtime never will: Python from apt, its headers and a C compiler for dependencies with C code, and the -dev libraries they link.',
    'why.python.venv':
      'A virtualenv at a fixed path holds every dependency, so the runtime takes one folder. --without-pip: pip works from outside it (pip --python), and does not ship.',
    'why.python.copy-manifests': 'Layer caching: the dependency files alone, so the install below reruns only when they change, not on every source edit.',
    'why.python.arg-index':
      'A private index, passed with `docker build --build-arg PIP_INDEX_URL=...`. An ARG lives only in this stage: it reaches neither the final image nor its history.',
    'why.python.arg-extra': 'An extra index, searched after the main one.',
    'why.python.arg-trusted': 'A host pip may reach over plain HTTP, for an internal mirror.',
    'why.python.install': 'Installs the dependencies into the venv.',
    'why.python.secret':
      'Credentials belong in a BuildKit secret, mounted for this RUN only and never stored: `docker build --secret id=pip.conf,src=$HOME/.config/pip/pip.conf .`.',
    'why.python.install-project':
      'Installs the project itself into the venv (its console scripts land in /opt/venv/bin); --no-deps, since they are already there.',
    'why.python.from-distroless':
      "distroless python3: Debian's python{version} at /usr/bin, glibc and a nonroot user, and nothing else. No shell (no shell-form CMD, no `docker exec sh`), no pip, no apt.",
    'why.python.from-slim': 'python slim: Python on a minimal Debian, with a shell and apt for debugging or system libraries.',
    'why.python.runtime-packages': 'System libraries the compiled dependencies load at run time.',
    'why.python.env':
      'PYTHONDONTWRITEBYTECODE: the app files are read-only for the app, so no .pyc writes; PYTHONUNBUFFERED: logs reach `docker logs` at once; the venv first in PATH, as `activate` would do.',
    'why.python.copy-venv': 'COPY --from takes the venv alone: the compilers, headers and pip caches of the build stage stay behind.',
    'why.python.workdir-member':
      'A uv workspace member builds in its own folder, as `uv run` would run it there; the workspace projects it uses are installed from theirs.',
    'why.python.copy-member':
      "The member's own folder, nothing else of the workspace: the projects it uses are already in the venv. Owned by root: the app can read it, not rewrite itself.",
    'why.python.copy-app':
      "The app's own files; .dockerignore keeps the host's venvs, __pycache__ and .env files out. They stay owned by root: the app can read them, not rewrite itself.",
    'why.python.entrypoint':
      'Exec form, a JSON array: the server is PID 1 with no shell in between, and gunicorn and uvicorn handle the SIGTERM `docker stop` sends.',
    'why.python.entrypoint.init':
      'Exec form, a JSON array: no shell in between. Python installs no SIGTERM handler, and PID 1 ignores unhandled signals: run it with `docker run --init` to stop it promptly.',
    'why.python.test-install': 'The test stage also needs the project installed, as the build stage has it.',
    'why.python.test-tools':
      'What the tests need besides the app (pytest and what the project lists with it for development), in this stage only: the runtime never gets it.',
    'why.python.collectstatic':
      "Django's collectstatic gathers every app's static files into STATIC_ROOT here, at build time, so the image serves them (whitenoise) without a write at start.",
    'why.python.copy-static': 'The static files collectstatic gathered in the build stage; the folder is kept out of the context, so these are the only ones.',
    'note.python.uv-root': 'This is a uv workspace root ({members}); the image runs the root project. Use --workspace NAME for one member.',
    'note.python.uv-member': '{name} is a member of the uv workspace ({members}): built from the root with its lock; only {dir}/ and the venv ship.',
    'note.python.uv-member-uses':
      '{name} is a member of the uv workspace ({members}): built from the root with its lock and the workspace projects it uses ({uses}); only {dir}/ and the venv ship.',
    'note.python.setup-py':
      'Dependencies come from setup.py, which only runs with the source: they install after `COPY . .`, so a source edit reinstalls them.',
    'note.python.runserver': 'Django runs under `manage.py runserver`, which is for development; add gunicorn to the dependencies to serve with it.',
    'note.python.boot-exec': 'boot.sh is a shell script: the image needs a shell (slim); it ends with `{last}`, so the server replaces the shell as PID 1.',
    'note.python.boot-no-exec':
      "boot.sh is a shell script: the image needs a shell (slim); its last command `{last}` is not exec'd, so the shell stays PID 1 and the server gets no SIGTERM: write `exec` before it.",
    'note.python.compiled': '{name} compiles against {builds} and loads {runs} at run time.',
    'note.python.config-bind':
      '{file}:{line} binds {address}, which nothing outside the container reaches: the image starts gunicorn with --bind 0.0.0.0:PORT, which overrides it.',
    'note.python.test-unpinned':
      "The test stage installs {requirements} from {source} by name, at the index's newest versions: its version syntax is not pip's.",
    'note.python.migrations':
      'Django migrations are not run at build time (the database is not there): run `docker run --rm --entrypoint /opt/venv/bin/python IMAGE manage.py migrate` against it before the app starts.',
    'note.python.procfile-uninstalled':
      "The Procfile's web line starts {server}, which no dependency installs (add {distribution} to the requirements and lock it): the image runs {entry} instead.",
    'note.python.missing-server': '{constructor} app {target} found, but {server} is not among the dependencies: add it to serve the app with it.',
    'note.python.procfile-several':
      "The Procfile's web line runs several commands: the image runs them with sh at every start (`{script}`), so it needs a shell (slim, not distroless); the server is exec'd and is PID 1.",
    'note.python.procfile-release':
      "The Procfile's release line runs before the web line: the image runs them with sh at every start (`{script}`), so it needs a shell (slim, not distroless); the server is exec'd and is PID 1. With several replicas, run the release step once instead, as a separate container.",
    'note.python.procfile-user':
      'The steps before the server run as the image user, 65532, who cannot write into /app: point what they write (a SQLite database, compiled translations) at a volume or /tmp.',
    'note.python.tool-missing': '{tool} is not among the dependencies, so the venv will not have it; add it to them.',
    'note.python.tool-default':
      '{tool} {version} reads the lock and checks its hashes: the default, since the project asks for no version; {setting} asks for one.',
    'note.python.tool-asked': '{tool} {version} reads the lock and checks its hashes, as {source} asks ({spec}).',
    'note.python.tool-lowest':
      '{tool} {version} reads the lock and checks its hashes: the lowest version {source} allows ({spec}), since the default is outside it; change the version in the Dockerfile for a newer one.',
    'why.python.uv-copy':
      "uv's own binaries, copied from its image as uv's Docker guide does: no pip install, and nothing of uv reaches the runtime, which takes only the venv.",
    'why.python.builder-env':
      "uv's settings, for this stage only: the venv it syncs into, the Python that made it (so the venv's links match the runtime's), no Python downloads, bytecode compiled once here, files copied rather than linked from the cache mount.",
  },
  fr: {
    'note.python.platforms':
      "Multi-plateforme ({platforms}) : l'installation tourne sur chaque plateforme cible (les wheels sont propres à chaque plateforme, et un paquet qui n'en a pas y est compilé), émulée par QEMU sur une machine d'une autre architecture (plusieurs fois plus lent).",
    'ignore.python': "Virtualenvs, bytecode et caches d'outils de l'hôte : l'image crée son propre venv, pour Linux.",
    'stage.python.build': '---- build : Python, ses outils de build et un venv dans /opt/venv ; seul le venv part ----',
    'stage.python.distroless': '---- runtime : distroless python3 a le Python de Debian et la glibc, ni shell ni pip ----',
    'stage.python.slim': '---- runtime : python slim, avec un shell pour déboguer ----',
    'summary.python.build': 'crée le venv {venv} avec Python {version} ({image}) et y installe tout ; seul le venv part en production.',
    'summary.python.runtime': "{image} avec le venv et l'application",
    'reason.python.distroless': 'distroless python3 ne contient que le Python {version} de Debian et ses bibliothèques : ni shell, ni pip, rien à patcher',
    'reason.python.slim': "{blocker}, d'où python slim pour l'image finale",
    'why.python.from-build-apt':
      "Debian 13, la distribution dont est fait distroless python3 : son python{version} est dans /usr/bin, exactement le chemin de l'image finale. Le python d'un venv est un lien vers l'interpréteur qui l'a créé : un venv créé dans python:{version} (/usr/local/bin) ne démarrerait pas sur distroless.",
    'why.python.from-build':
      "L'image python, avec compilateurs et en-têtes pour les dépendances qui compilent du C. Rien de tout cela n'arrive dans l'image finale ; seul le venv y va.",
    'why.python.builder-packages':
      "Ce dont le builder a besoin et l'image finale jamais : Python via apt, ses en-têtes et un compilateur C pour les dépendances qui en contiennent, et les bibliothèques -dev qu'elles lient.",
    'why.python.venv':
      "Un virtualenv à un chemin fixe contient toutes les dépendances : l'image finale n'a qu'un dossier à prendre. --without-pip : pip travaille de l'extérieur (pip --python) et ne part pas en production.",
    'why.python.copy-manifests':
      "Cache des couches : les fichiers de dépendances seuls, pour que l'installation ci-dessous ne se relance que s'ils changent, pas à chaque modification du code.",
    'why.python.arg-index':
      "Un index privé, passé par `docker build --build-arg PIP_INDEX_URL=...`. Un ARG ne vit que dans cette étape : il n'atteint ni l'image finale ni son historique.",
    'why.python.arg-extra': 'Un index supplémentaire, consulté après le principal.',
    'why.python.arg-trusted': 'Un hôte que pip peut joindre en HTTP simple, pour un miroir interne.',
    'why.python.install': 'Installe les dépendances dans le venv.',
    'why.python.secret':
      'Les identifiants vont dans un secret BuildKit, monté pour ce seul RUN et jamais stocké : `docker build --secret id=pip.conf,src=$HOME/.config/pip/pip.conf .`.',
    'why.python.install-project': "Installe le projet lui-même dans le venv (ses scripts arrivent dans /opt/venv/bin) ; --no-deps, puisqu'elles y sont déjà.",
    'why.python.from-distroless':
      "distroless python3 : le python{version} de Debian dans /usr/bin, la glibc et un utilisateur nonroot, rien d'autre. Pas de shell (ni CMD en forme shell, ni `docker exec sh`), ni pip, ni apt.",
    'why.python.from-slim': 'python slim : Python sur une Debian minimale, avec shell et apt pour déboguer ou ajouter des bibliothèques système.',
    'why.python.runtime-packages': "Les bibliothèques système que chargent les dépendances compilées à l'exécution.",
    'why.python.env':
      "PYTHONDONTWRITEBYTECODE : les fichiers de l'application sont en lecture seule pour elle, donc pas de .pyc ; PYTHONUNBUFFERED : les logs arrivent tout de suite dans `docker logs` ; le venv en tête du PATH, comme le ferait `activate`.",
    'why.python.copy-venv': "COPY --from ne prend que le venv : compilateurs, en-têtes et caches pip de l'étape build restent derrière.",
    'why.python.workdir-member':
      "Un membre d'un workspace uv se construit dans son propre dossier, comme `uv run` l'y lancerait ; les projets du workspace qu'il utilise s'installent depuis les leurs.",
    'why.python.copy-member':
      "Le seul dossier du membre, rien d'autre du workspace : les projets qu'il utilise sont déjà dans le venv. À root : l'application peut le lire, pas se réécrire.",
    'why.python.copy-app':
      "Les fichiers de l'application ; le .dockerignore écarte les venvs de l'hôte, les __pycache__ et les fichiers .env. Ils restent à root : l'application peut les lire, pas se réécrire.",
    'why.python.entrypoint':
      'Forme exec, un tableau JSON : le serveur est le PID 1, sans shell entre les deux, et gunicorn comme uvicorn gèrent le SIGTERM qu’envoie `docker stop`.',
    'why.python.entrypoint.init':
      "Forme exec, un tableau JSON : pas de shell entre les deux. Python n'installe pas de gestionnaire de SIGTERM, et le PID 1 ignore les signaux non gérés : lancez-le avec `docker run --init` pour qu'il s'arrête aussitôt.",
    'why.python.test-install': "L'étape test a aussi besoin du projet installé, comme dans l'étape build.",
    'why.python.test-tools':
      "Ce dont les tests ont besoin en plus de l'application (pytest et ce que le projet liste avec lui pour le développement), dans cette seule étape : le runtime ne le reçoit jamais.",
    'why.python.collectstatic':
      "collectstatic de Django rassemble ici les fichiers statiques de chaque app dans STATIC_ROOT, au build, pour que l'image les serve (whitenoise) sans rien écrire au démarrage.",
    'why.python.copy-static':
      "Les fichiers statiques rassemblés par collectstatic dans l'étape de build ; le dossier est exclu du contexte, ce sont donc les seuls.",
    'note.python.uv-root': "C'est la racine d'un espace de travail uv ({members}) ; l'image lance le projet racine. --workspace NOM en choisit un membre.",
    'note.python.uv-member':
      "{name} est membre de l'espace de travail uv ({members}) : construit depuis la racine avec son verrou ; seuls {dir}/ et le venv partent en production.",
    'note.python.uv-member-uses':
      "{name} est membre de l'espace de travail uv ({members}) : construit depuis la racine avec son verrou et les projets de l'espace qu'il utilise ({uses}) ; seuls {dir}/ et le venv partent en production.",
    'note.python.setup-py':
      "Les dépendances viennent de setup.py, qui ne s'exécute qu'avec les sources : elles s'installent après `COPY . .`, donc chaque modification des sources les réinstalle.",
    'note.python.runserver': 'Django tourne sous `manage.py runserver`, fait pour le développement ; ajoutez gunicorn aux dépendances pour servir avec lui.',
    'note.python.boot-exec':
      "boot.sh est un script shell : l'image a besoin d'un shell (slim) ; il se termine par `{last}`, donc le serveur remplace le shell comme PID 1.",
    'note.python.boot-no-exec':
      "boot.sh est un script shell : l'image a besoin d'un shell (slim) ; sa dernière commande `{last}` n'est pas lancée par exec, le shell reste donc le PID 1 et le serveur ne reçoit pas SIGTERM : écrivez `exec` devant.",
    'note.python.compiled': "{name} se compile avec {builds} et charge {runs} à l'exécution.",
    'note.python.config-bind':
      "{file}:{line} écoute sur {address}, que rien hors du conteneur ne joint : l'image lance gunicorn avec --bind 0.0.0.0:PORT, qui prend le dessus.",
    'note.python.test-unpinned':
      "L'étape test installe {requirements} depuis {source} par leur nom, aux versions les plus récentes de l'index : sa syntaxe de versions n'est pas celle de pip.",
    'note.python.migrations':
      "Les migrations Django ne tournent pas au build (la base n'est pas là) : lancez `docker run --rm --entrypoint /opt/venv/bin/python IMAGE manage.py migrate` contre elle avant que l'application démarre.",
    'note.python.procfile-uninstalled':
      "La ligne web du Procfile lance {server}, qu'aucune dépendance n'installe (ajoutez {distribution} aux dépendances et verrouillez-le) : l'image lance {entry} à la place.",
    'note.python.missing-server':
      "Application {constructor} {target} trouvée, mais {server} n'est pas parmi les dépendances : ajoutez-le pour la servir avec lui.",
    'note.python.procfile-several':
      "La ligne web du Procfile lance plusieurs commandes : l'image les lance avec sh à chaque démarrage (`{script}`), elle a donc besoin d'un shell (slim, pas distroless) ; le serveur est lancé par exec et il est le PID 1.",
    'note.python.procfile-release':
      "La ligne release du Procfile tourne avant la ligne web : l'image les lance avec sh à chaque démarrage (`{script}`), elle a donc besoin d'un shell (slim, pas distroless) ; le serveur est lancé par exec et il est le PID 1. Avec plusieurs réplicas, lancez plutôt l'étape release une seule fois, dans un conteneur à part.",
    'note.python.procfile-user':
      "Les étapes avant le serveur tournent sous l'utilisateur de l'image, 65532, qui ne peut pas écrire dans /app : faites écrire ce qu'elles produisent (une base SQLite, des traductions compilées) dans un volume ou dans /tmp.",
    'note.python.tool-missing': "{tool} n'est pas parmi les dépendances, le venv ne l'aura donc pas ; ajoutez-le.",
    'note.python.tool-default':
      '{tool} {version} lit le lock et vérifie ses empreintes : la version par défaut, puisque le projet n’en demande aucune ; {setting} en demande une.',
    'note.python.tool-asked': '{tool} {version} lit le lock et vérifie ses empreintes, comme le demande {source} ({spec}).',
    'note.python.tool-lowest':
      '{tool} {version} lit le lock et vérifie ses empreintes : la plus basse version que {source} permet ({spec}), la version par défaut étant hors de cette plage ; changez la version dans le Dockerfile pour une plus récente.',
    'why.python.uv-copy':
      "Les binaires d'uv, copiés depuis son image comme le fait le guide Docker d'uv : aucun pip install, et rien d'uv n'atteint l'image finale, qui ne prend que le venv.",
    'why.python.builder-env':
      "Les réglages d'uv, pour cette étape seulement : le venv qu'il synchronise, le Python qui l'a créé (pour que les liens du venv correspondent à ceux de l'image finale), aucun téléchargement de Python, le bytecode compilé une fois ici, les fichiers copiés plutôt que liés depuis le cache monté.",
  },
});
