import type { MessageId } from './en.js';

/**
 * The same sentences in French, as a French-speaking trainer writes them: the technical terms
 * people use in France (build, layer -> couche, stage -> étape, cache), with French typography
 * (a space before `:` and `;`).
 */
export const FR: Record<MessageId, string> = {
  'header.title': 'Dockerfile de {project}, généré par create-dockerfile ({language}, image finale {runtime}).',
  'header.stages': 'Étapes, chacune utilisable avec `docker build --target NOM` :',
  'header.run': 'Construire et lancer :',
  'header.hardened': "Durcie : l'image tourne aussi en lecture seule, avec /tmp en mémoire et sans aucune capability Linux :",
  'header.user': "L'image finale tourne sous l'utilisateur {user} (pas root).",
  'header.buildkit':
    'Ce fichier demande BuildKit (le builder par défaut depuis Docker 23 ; DOCKER_BUILDKIT=1 sur les moteurs plus anciens) pour ses montages de cache. `create-dockerfile --portable` en écrit un sans.',
  'header.portable': "Portable : aucune syntaxe propre à BuildKit, donc l'ancien builder, kaniko et BuildKit le construisent tous.",
  'header.no-test-stage':
    "Pas d'étape test ici : l'ancien builder construit toutes les étapes, les tests tourneraient donc à chaque build. Lancez-les avec BuildKit, ou en CI.",
  'header.explained': 'Chaque instruction ci-dessous suit un commentaire qui dit pourquoi elle est là (--explain fr).',

  'stage.slim': '---- runtime : Debian slim, quand il faut un shell et apt dans le conteneur ----',
  'stage.test': '---- test : les tests du projet, lancés seulement par `docker build --target test .` ----',
  'stage.go.build': "---- build : toute la chaîne Go ; seul ce que l'étape runtime en copie part en production ----",
  'stage.go.scratch': "---- runtime : scratch est vide ; l'image, ce sont exactement les fichiers copiés ci-dessous ----",
  'stage.go.distroless': '---- runtime : distroless a les racines CA, tzdata et un utilisateur nonroot, ni shell ni apt ----',
  'stage.node.build.compile': '---- build : toutes les dépendances, dev comprises, pour le build ; seule sa sortie part ----',
  'stage.node.build.deps': '---- build : les dépendances de production, installées là où sont les outils et le cache ----',
  'stage.node.build.empty': '---- build : ni dépendance ni build, rien à faire ; gardée pour `--target build` ----',
  'stage.node.deps': "---- deps : les dépendances de production seules, pour qu'aucune dépendance dev ne parte ----",
  'stage.node.distroless': '---- runtime : distroless nodejs a node et la glibc, ni shell ni npm ; son ENTRYPOINT est node ----',
  'stage.node.slim': '---- runtime : node slim, avec un shell pour déboguer ----',
  'stage.c.build': '---- build : gcc 14 et les seuls paquets dont ce programme a besoin ; rien ne part sans être copié ----',
  'stage.c.scratch': "---- runtime : scratch est vide ; l'image, c'est exactement le binaire statique ----",
  'stage.c.distroless': "---- runtime : distroless cc a la glibc, libgcc, libstdc++ et OpenSSL, mais pas de shell ----",

  'summary.test': 'lance `{command}` par-dessus build ; rien ici ne part en production.',
  'summary.go.build': 'compile {main} avec Go {version} ({image}) ; rien ici ne part en production.',
  'summary.go.runtime': '{image} avec le binaire seul',
  'summary.go.runtime.certs': '{image} avec le binaire et le bundle CA, rien de plus',
  'summary.node.build.compile': 'installe tout et lance le build ({image}) ; seul son {outDir}/ part en production.',
  'summary.node.build.deps': 'installe les dépendances de production avec {manager} ({image}).',
  'summary.node.runtime': "{image} avec node_modules et l'application",
  'summary.c.build': 'compile {binary} avec {system} ({image}) ; rien ici ne part en production.',
  'summary.c.build.static': 'compile {binary} en statique avec {system} ({image}) ; rien ici ne part en production.',
  'summary.c.runtime': '{image} avec le binaire seul',
  'summary.c.runtime.libs': "{image} avec le binaire et les bibliothèques qu'il charge, rien de plus",

  'reason.chosen': 'vous avez choisi {requested} plutôt que {detected}, le choix par défaut',
  'reason.go.cgo': "cgo se lie à la glibc, donc scratch ne peut pas l'exécuter ; distroless base a la glibc et rien d'autre",
  'reason.go.static': "CGO_ENABLED=0 donne un binaire statique, qui n'a besoin que des fichiers copiés à côté de lui",
  'reason.c.static': "toutes les bibliothèques se lient en statique, le binaire n'a donc besoin de rien d'autre",
  'reason.c.dynamic': '{blockers} ne se lie pas en statique ; distroless cc, plus exactement les bibliothèques que charge le binaire',
  'reason.node.native': 'les addons natifs chargent des bibliothèques système ({packages}) que seul apt sait ajouter',
  'reason.node.distroless': 'distroless nodejs ne contient que node et la glibc : ni shell, ni npm, rien à patcher',

  'health.none.slim': "debian slim n'a ni curl ni wget ; installez-en un, ou sondez depuis l'extérieur (un check HTTP de l'orchestrateur)",
  'health.none.bare': "{runtime} n'a ni shell ni client HTTP, un HEALTHCHECK ne pourrait donc pas s'exécuter ; sondez depuis l'extérieur (un check HTTP de l'orchestrateur)",
  'health.none.no-port': "l'application n'écoute sur aucun port à sonder",

  'why.workdir': "WORKDIR crée {dir} et en fait le dossier courant pour toutes les instructions qui suivent ; un `RUN cd` ne vaudrait que pour sa ligne.",
  'why.copy.source':
    "Le code source arrive après les dépendances, et c'est voulu : une modification invalide cette couche et les suivantes, jamais les couches de dépendances au-dessus. Le .dockerignore tient les secrets et les sorties de build locales hors du contexte.",
  'why.cache-mount': "Les montages de cache gardent téléchargements et objets compilés d'un build à l'autre sans les stocker dans aucune couche : un rebuild ne refait que ce qui a changé.",
  'why.apt':
    "Paquets Debian via apt, et les listes de paquets supprimées dans le même RUN : un `RUN rm` plus loin masquerait les fichiers sans alléger la couche qui les a écrits.",
  'why.user': "USER : le processus tourne sous l'uid {user}, pas en root. Les ids numériques marchent même sans /etc/passwd, et une évasion du conteneur tombe sur un utilisateur sans privilèges.",
  'why.slim.user': "Slim tourne en root par défaut : on crée un utilisateur sans privilèges, aux ids fixes 65532, les mêmes que le nonroot de distroless.",
  'why.expose': "EXPOSE documente le port, il n'ouvre rien : c'est `docker run -p {port}:{port}` qui le publie.",
  'why.healthcheck.node': "Un check de santé vu de l'intérieur, avec node lui-même en forme exec : ni shell ni curl nécessaires.",
  'why.healthcheck.none': 'Pas de HEALTHCHECK : {reason}.',
  'why.copy.binary':
    "COPY --from prend un seul fichier dans l'étape build ; compilateur, sources et caches restent derrière. C'est ce qui allège l'image, ce qu'un `RUN rm` dans une étape unique ne fait jamais : chaque couche garde ce qu'ont écrit les couches du dessous.",
  'why.copy.certs': "Le TLS sortant a besoin de racines de confiance, absentes de cette image : l'étape build prête son bundle CA.",
  'why.from.scratch': "scratch, c'est l'image vide : ni shell, ni libc, ni utilisateurs, ni gestionnaire de paquets. Un binaire statique n'en a pas besoin, et l'image pèse le poids du binaire.",
  'why.from.distroless':
    "distroless : les bibliothèques d'exécution, les racines CA, tzdata et un utilisateur nonroot, rien d'autre. Pas de shell, donc ni `docker exec sh`, ni CMD ou HEALTHCHECK en forme shell ; pas de gestionnaire de paquets, donc moins à patcher ou à exploiter.",
  'why.from.slim': "Debian slim : une vraie distribution avec shell et apt, pour déboguer ou ajouter des paquets ; plus lourde, et plus de choses à patcher, que distroless.",
  'why.from.test': "L'étape test part de build, où sont déjà les sources et les dépendances ; BuildKit ne la construit que si on la demande avec --target test.",
  'why.test.run': 'Les tests du projet : un test en échec fait échouer le build de cette cible.',

  'why.go.from-build': "L'image Go : compilateur, git et outillage des modules. Elle est lourde, et ce n'est pas grave : rien de cette étape n'arrive dans l'image finale sans un COPY --from.",
  'why.go.copy-manifests': "Cache des couches : docker réutilise une couche tant que ses entrées n'ont pas changé. go.mod et go.sum arrivent seuls d'abord, et le téléchargement ci-dessous ne se relance que s'ils changent, pas à chaque modification.",
  'why.go.download': "Télécharge les modules une fois ; cette étape reste en cache tant que go.mod et go.sum ne changent pas.",
  'why.go.build': 'Compile le package main vers /out.',
  'why.go.build.init': 'Sans go.mod, `go mod init` en crée un à la volée.',
  'why.go.build.static': "CGO_ENABLED=0 produit un binaire statique, sans bibliothèque C ; -trimpath et -s -w retirent les chemins locaux et les symboles de débogage.",
  'why.go.build.cgo': "cgo (import \"C\") demande ici la chaîne de compilation C, et la glibc à l'exécution.",
  'why.go.build.zoneinfo': "-tags=timetzdata embarque la base des fuseaux horaires, absente de l'image finale.",
  'why.go.entrypoint': "Forme exec, un tableau JSON : le binaire est le PID 1, sans shell entre les deux, et le runtime Go gère le SIGTERM qu'envoie `docker stop`.",

  'why.node.from-build': "L'image node complète : npm, une chaîne de compilation C pour les addons natifs et le cache du gestionnaire de paquets. Rien de tout cela n'arrive dans l'image finale.",
  'why.node.from-deps': "Une deuxième étape sur la même image, pour les seules dépendances de production : aucune dépendance dev ne part.",
  'why.node.setup': 'Installe le gestionnaire de paquets à la version que fixe le projet.',
  'why.node.copy-manifests': "Cache des couches : les manifestes et le lockfile seuls, pour que l'installation ci-dessous reste en cache jusqu'au prochain changement de dépendance, pas à chaque modification du code.",
  'why.node.copy-member': "Le manifeste d'un membre du workspace, pour que l'installation le voie.",
  'why.node.install.all': 'Installe toutes les dépendances, dev comprises, exactement comme le dit le lockfile.',
  'why.node.install.production': 'Installe les seules dépendances de production, exactement comme le dit le lockfile.',
  'why.node.build': "Lance le script de build du projet ; seule sa sortie quitte cette étape.",
  'why.node.from-distroless':
    "distroless nodejs : node, la glibc et un utilisateur nonroot, rien d'autre. Pas de shell, donc ni CMD ou HEALTHCHECK en forme shell, ni `docker exec sh` ; pas de npm non plus.",
  'why.node.from-slim': 'node slim : node sur une Debian minimale, avec shell et apt pour déboguer.',
  'why.node.runtime-packages': "Les bibliothèques système que chargent les addons natifs à l’exécution.",
  'why.node.env': 'NODE_ENV=production coupe les chemins de développement de la plupart des frameworks (Express met les vues en cache et masque les piles d’appels).',
  'why.node.copy-modules':
    "Les dépendances avant l'application : cette couche est réutilisée tant que le lockfile ne change pas. COPY --from ne prend que node_modules, ni les compilateurs ni les caches de l'étape d'origine.",
  'why.node.copy-app': "Les fichiers de l'application ; le .dockerignore écarte le node_modules de l'hôte, les fichiers .env et .git. Ils restent à root : l'application peut les lire, pas se réécrire.",
  'why.node.copy-output': "La sortie du build, prise dans l'étape build.",
  'why.node.workdir-member': "Un membre du workspace tourne depuis son propre dossier ; le node_modules du dessus reste trouvé.",
  'why.node.cmd.distroless': "Forme exec, les arguments seuls : l'ENTRYPOINT de l'image est node, donc node est le PID 1 et reçoit lui-même le SIGTERM, sans npm au milieu.",
  'why.node.cmd.slim': 'Forme exec avec node lui-même, jamais `npm start` : node est alors le PID 1 et reçoit le SIGTERM, pas npm.',

  'why.c.from-build': "gcc 14 sur Debian : compilateur, make et les en-têtes de la bibliothèque C. Rien de tout cela n'arrive dans l'image finale.",
  'why.c.builder-packages': "Les en-têtes et bibliothèques que lie le programme, et son système de build, installés avant la copie des sources pour que cette couche reste en cache.",
  'why.c.build': 'Compile, copie le binaire dans /out et retire ses symboles.',
  'why.c.build.static': "-static intègre toutes les bibliothèques au binaire, qui n'a alors besoin d'aucun chargeur à l'exécution.",
  'why.c.static-check': "scratch n'a pas de chargeur dynamique : le build s'arrête ici si l'édition de liens n'était finalement pas entièrement statique.",
  'why.c.shell': "pipefail : un ldd en échec fait alors échouer le RUN au lieu d'être masqué par le pipe.",
  'why.c.collect-libs': "La fermeture des bibliothèques partagées du binaire, telle que le chargeur la résout, moins ce que distroless cc contient déjà ({packages}) : rien ne manque à l'exécution, rien de superflu.",
  'why.c.copy-libs': "Exactement les bibliothèques que charge le binaire et qui manquent à distroless cc.",
  'why.c.runtime-packages': "Les bibliothèques partagées que charge le programme à l’exécution.",
  'why.c.entrypoint':
    "Forme exec, un tableau JSON : le binaire est le PID 1, sans shell entre les deux. Un programme C n'a pas de gestionnaire de SIGTERM s'il n'en installe pas, et le PID 1 ignore les signaux non gérés : lancez-le avec `docker run --init` pour qu'il s'arrête aussitôt.",
};
