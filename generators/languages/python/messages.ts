import { defineLanguageMessages } from '../../core/explain/catalog.js';

/** What Python output says: stage banners, header summaries, runtime reasons and --explain comments, in English and French (same keys, checked by the compiler). */
export const PYTHON_MESSAGES = defineLanguageMessages({
  en: {
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
  },
  fr: {
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
  },
});
