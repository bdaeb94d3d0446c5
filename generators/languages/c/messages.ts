import { defineLanguageMessages } from '../../core/explain/catalog.js';

/** What C output says: stage banners, header summaries, runtime reasons and --explain comments, in English and French (same keys, checked by the compiler). */
export const C_MESSAGES = defineLanguageMessages({
  en: {
    'note.c.platforms.dynamic':
      "Multi-platform ({platforms}): the program links shared libraries, which the build checks and collects with the target's own loader and packages, so the build stage runs on each target platform, emulated by QEMU on a machine of another architecture (several times slower).",
    'note.c.platforms.meson':
      'Multi-platform ({platforms}): meson cross-compiles only with a cross file the project provides, so the build stage runs on each target platform, emulated by QEMU on a machine of another architecture (several times slower).',
    'why.c.cross-toolchain':
      "The toolchain for the platform this image is for: the build machine's own compiler when they match, otherwise Debian's cross compiler (crossbuild-essential) and the libraries' -dev packages of the target's architecture. /etc/cross-env names them ($CC, $CXX, $STRIP, $HOST) for the build below.",
    'why.c.cross-check':
      'Fails unless the program is static and built for the target: a build file that calls a compiler by name rather than $(CC) would have built one for the build machine.',
    'ignore.c': 'Objects, archives and binaries built on the host: the image compiles its own.',
    'stage.c.build': '---- build: gcc 14 plus only the packages this program needs; nothing ships unless copied ----',
    'stage.c.scratch': '---- runtime: scratch is empty; the image is exactly the static binary ----',
    'stage.c.distroless': '---- runtime: distroless cc has glibc, libgcc, libstdc++ and OpenSSL, and no shell ----',
    'summary.c.build': 'builds {binary} with {system} ({image}); nothing here ships.',
    'summary.c.build.static': 'builds {binary} with {system} ({image}), statically; nothing here ships.',
    'summary.c.runtime': '{image} with only the binary',
    'summary.c.runtime.libs': '{image} with only the binary and the libraries it loads',
    'summary.c.runtime.installed': '{image} with what the install step put under /usr/local (headers and archives left out)',
    'reason.c.static': 'every library links statically, so the binary needs nothing else',
    'reason.c.dynamic': '{blockers} cannot link statically; distroless cc plus exactly the libraries the binary loads',
    'why.c.from-build': 'gcc 14 on Debian: compiler, make and the C library headers. None of it reaches the final image.',
    'why.c.builder-packages':
      'Headers and libraries the program links, and its build system, installed before the source is copied so that this layer stays cached.',
    'why.c.build':
      'Builds, puts the program under /staging/usr/local (with an install step, everything it installs, minus headers, archives and manuals) and strips its symbols.',
    'why.c.build.static': '-static links every library into the binary, so it needs no loader at run time.',
    'why.c.static-check': 'scratch has no dynamic loader: the build stops here if the link was not fully static after all.',
    'why.c.shell': 'pipefail: a failing ldd then fails the RUN instead of being hidden by the pipe.',
    'why.c.library-check':
      'The program placed where it will run, then asked what it loads: a library "not found", or found only in the build tree, would be missing from the image, so the build stops here instead of the container at start.',
    'why.c.copy-install': 'What the install step put under /usr/local: the program, its own shared libraries and its data, at the paths it was built for.',
    'why.c.collect-libs':
      "The binary's shared-library closure as the loader resolves it, minus what distroless cc already holds ({packages}): nothing missing at run time, nothing extra.",
    'why.c.copy-libs': 'Exactly the libraries the binary loads that distroless cc lacks.',
    'why.c.runtime-packages': 'Shared libraries the program loads at run time.',
    'why.c.workdir': 'The program opens files by relative paths, which resolve from its working directory: {dir}.',
    'why.c.copy-data': 'Read at run time, not compiled in: it ships next to the program, at the path the code names.',
    'why.c.runtime-data': 'Data a library reads at run time (curses reads terminal descriptions from terminfo), which this runtime lacks.',
    'why.c.entrypoint':
      'Exec form, a JSON array: the binary is PID 1 with no shell in between. A C program has no SIGTERM handler unless it installs one, and PID 1 ignores unhandled signals: run it with `docker run --init` to stop it promptly.',
    'note.c.build-tools': "{file} runs {tools} during the build: installed in the build stage (the packages from Debian's Contents index).",
    'note.c.unknown-libraries': 'Unknown libraries ({libraries}): add their -dev packages to the build stage yourself.',
    'note.c.literal-linker':
      '{file}: the rule for {binary} links with `{linker}`, which neither CC nor LDFLAGS reaches, so it cannot be made static: it is built as written and runs on distroless cc (use $(CC) in the rule for a static build on scratch).',
    'note.c.own-library': '{file} builds its own shared library ({libraries}): installed beside the program under /usr/local/lib, so the build is dynamic.',
    'note.c.own-libraries': '{file} builds its own shared libraries ({libraries}): installed beside the program under /usr/local/lib, so the build is dynamic.',
    'note.c.no-install': '{file} has no install rule for {binary} ({rule}): the binary is copied from {output} alone.',
    'note.c.no-install-libraries':
      '{file} has no install rule for {binary} ({rule}): the binary is copied from {output} alone, and the build stops if it loads a library the image would not hold.',
    'note.c.autoreconf': 'No configure script in the tree: `autoreconf -fi` makes it.',
    'note.c.autoreconf-autogen':
      'No configure script in the tree: `autoreconf -fi` makes it (autogen.sh is not run: it may run configure with its own options).',
    'note.c.autotools-programs':
      "Installs {programs}; the entry point runs {binary} (configure.ac's package name, or the first listed): every one is in /usr/local/bin.",
    'note.c.libtool': 'libtool links through shared libraries, so the program is built dynamically and runs on distroless cc.',
    'note.c.programs.flag': '{count} files have their own main() ({files}): each is a separate program; building {file} (--main).',
    'note.c.programs.listens':
      '{count} files have their own main() ({files}): each is a separate program; building {file}, the one that listens; --main <file> picks another.',
    'note.c.programs.first':
      '{count} files have their own main() ({files}): each is a separate program; building {file}, the first by name (a guess); --main <file> picks another.',
    'note.c.cc': 'No build file: compiling {sources} with cc directly.',
  },
  fr: {
    'note.c.platforms.dynamic':
      "Multi-plateforme ({platforms}) : le programme se lie à des bibliothèques partagées, que le build vérifie et rassemble avec le chargeur et les paquets de la cible ; l'étape de build tourne donc sur chaque plateforme cible, émulée par QEMU sur une machine d'une autre architecture (plusieurs fois plus lent).",
    'note.c.platforms.meson':
      "Multi-plateforme ({platforms}) : meson ne compile en croisé qu'avec un fichier de cross-compilation fourni par le projet ; l'étape de build tourne donc sur chaque plateforme cible, émulée par QEMU sur une machine d'une autre architecture (plusieurs fois plus lent).",
    'why.c.cross-toolchain':
      "La chaîne de compilation de la plateforme de cette image : le compilateur de la machine de build quand elles sont identiques, sinon le compilateur croisé de Debian (crossbuild-essential) et les paquets -dev des bibliothèques pour l'architecture cible. /etc/cross-env les nomme ($CC, $CXX, $STRIP, $HOST) pour le build ci-dessous.",
    'why.c.cross-check':
      "Échoue si le programme n'est pas statique ou pas construit pour la cible : un fichier de build qui appelle un compilateur par son nom plutôt que $(CC) en aurait construit un pour la machine de build.",
    'ignore.c': "Objets, archives et binaires compilés sur l'hôte : l'image compile les siens.",
    'stage.c.build': '---- build : gcc 14 et les seuls paquets dont ce programme a besoin ; rien ne part sans être copié ----',
    'stage.c.scratch': "---- runtime : scratch est vide ; l'image, c'est exactement le binaire statique ----",
    'stage.c.distroless': '---- runtime : distroless cc a la glibc, libgcc, libstdc++ et OpenSSL, mais pas de shell ----',
    'summary.c.build': 'compile {binary} avec {system} ({image}) ; rien ici ne part en production.',
    'summary.c.build.static': 'compile {binary} en statique avec {system} ({image}) ; rien ici ne part en production.',
    'summary.c.runtime': '{image} avec le binaire seul',
    'summary.c.runtime.libs': "{image} avec le binaire et les bibliothèques qu'il charge, rien de plus",
    'summary.c.runtime.installed': "{image} avec ce que l'étape d'installation a mis sous /usr/local (sans en-têtes ni archives)",
    'reason.c.static': "toutes les bibliothèques se lient en statique, le binaire n'a donc besoin de rien d'autre",
    'reason.c.dynamic': '{blockers} ne se lie pas en statique ; distroless cc, plus exactement les bibliothèques que charge le binaire',
    'why.c.from-build': "gcc 14 sur Debian : compilateur, make et les en-têtes de la bibliothèque C. Rien de tout cela n'arrive dans l'image finale.",
    'why.c.builder-packages':
      'Les en-têtes et bibliothèques que lie le programme, et son système de build, installés avant la copie des sources pour que cette couche reste en cache.',
    'why.c.build':
      "Compile, place le programme sous /staging/usr/local (avec une étape d'installation, tout ce qu'elle installe, sans en-têtes, archives ni manuels) et retire ses symboles.",
    'why.c.build.static': "-static intègre toutes les bibliothèques au binaire, qui n'a alors besoin d'aucun chargeur à l'exécution.",
    'why.c.static-check': "scratch n'a pas de chargeur dynamique : le build s'arrête ici si l'édition de liens n'était finalement pas entièrement statique.",
    'why.c.shell': "pipefail : un ldd en échec fait alors échouer le RUN au lieu d'être masqué par le pipe.",
    'why.c.library-check':
      "Le programme placé là où il tournera, puis interrogé sur ce qu'il charge : une bibliothèque « not found », ou trouvée seulement dans l'arbre de build, manquerait dans l'image ; le build s'arrête donc ici plutôt que le conteneur au démarrage.",
    'why.c.copy-install':
      "Ce que l'étape d'installation a mis sous /usr/local : le programme, ses propres bibliothèques partagées et ses données, aux chemins pour lesquels il a été compilé.",
    'why.c.collect-libs':
      "La fermeture des bibliothèques partagées du binaire, telle que le chargeur la résout, moins ce que distroless cc contient déjà ({packages}) : rien ne manque à l'exécution, rien de superflu.",
    'why.c.copy-libs': 'Exactement les bibliothèques que charge le binaire et qui manquent à distroless cc.',
    'why.c.runtime-packages': 'Les bibliothèques partagées que charge le programme à l’exécution.',
    'why.c.workdir': 'Le programme ouvre des fichiers par des chemins relatifs, résolus depuis son répertoire de travail : {dir}.',
    'why.c.copy-data': "Lu à l'exécution, non compilé dans le binaire : il part à côté du programme, au chemin que le code donne.",
    'why.c.runtime-data':
      'Des données que lit une bibliothèque à l’exécution (curses lit les descriptions de terminaux dans terminfo), absentes de ce runtime.',
    'why.c.entrypoint':
      "Forme exec, un tableau JSON : le binaire est le PID 1, sans shell entre les deux. Un programme C n'a pas de gestionnaire de SIGTERM s'il n'en installe pas, et le PID 1 ignore les signaux non gérés : lancez-le avec `docker run --init` pour qu'il s'arrête aussitôt.",
    'note.c.build-tools': "{file} lance {tools} pendant la compilation : installés à l'étape build (paquets trouvés dans l'index Contents de Debian).",
    'note.c.unknown-libraries': "Bibliothèques inconnues ({libraries}) : ajoutez vous-même leurs paquets -dev à l'étape build.",
    'note.c.literal-linker':
      "{file} : la règle de {binary} lie avec `{linker}`, que ni CC ni LDFLAGS n'atteignent, elle ne peut donc pas être rendue statique : le programme est construit tel qu'écrit et tourne sur distroless cc (utilisez $(CC) dans la règle pour un build statique sur scratch).",
    'note.c.own-library':
      '{file} construit sa propre bibliothèque partagée ({libraries}) : installée à côté du programme sous /usr/local/lib, le build est donc dynamique.',
    'note.c.own-libraries':
      '{file} construit ses propres bibliothèques partagées ({libraries}) : installées à côté du programme sous /usr/local/lib, le build est donc dynamique.',
    'note.c.no-install': "{file} n'a pas de règle d'installation pour {binary} ({rule}) : seul le binaire est copié depuis {output}.",
    'note.c.no-install-libraries':
      "{file} n'a pas de règle d'installation pour {binary} ({rule}) : seul le binaire est copié depuis {output}, et le build s'arrête s'il charge une bibliothèque que l'image n'aurait pas.",
    'note.c.autoreconf': "Pas de script configure dans l'arborescence : `autoreconf -fi` le crée.",
    'note.c.autoreconf-autogen':
      "Pas de script configure dans l'arborescence : `autoreconf -fi` le crée (autogen.sh n'est pas lancé : il peut lancer configure avec ses propres options).",
    'note.c.autotools-programs':
      "Installe {programs} ; le point d'entrée lance {binary} (le nom de paquet de configure.ac, ou le premier listé) : tous sont dans /usr/local/bin.",
    'note.c.libtool': 'libtool lie via des bibliothèques partagées, le programme est donc construit dynamiquement et tourne sur distroless cc.',
    'note.c.programs.flag': '{count} fichiers ont leur propre main() ({files}) : chacun est un programme à part ; construction de {file} (--main).',
    'note.c.programs.listens':
      '{count} fichiers ont leur propre main() ({files}) : chacun est un programme à part ; construction de {file}, celui qui écoute ; --main <fichier> en choisit un autre.',
    'note.c.programs.first':
      '{count} fichiers ont leur propre main() ({files}) : chacun est un programme à part ; construction de {file}, le premier par son nom (une supposition) ; --main <fichier> en choisit un autre.',
    'note.c.cc': 'Pas de fichier de build : {sources} compilé directement avec cc.',
  },
});
