import { defineLanguageMessages } from '../../core/explain/catalog.js';

/** What Node output says: stage banners, header summaries, runtime reasons and --explain comments, in English and French (same keys, checked by the compiler). */
export const NODE_MESSAGES = defineLanguageMessages({
  en: {
    'note.node.platforms':
      "Multi-platform ({platforms}): the install and build run on each target platform (Node's own binary, and native addons compiled for it), emulated by QEMU on a machine of another architecture (several times slower).",
    'ignore.node': 'Dependencies and caches installed on the host: the image installs its own for Linux.',
    'stage.node.build.compile': '---- build: every dependency, dev ones included, to run the build; only its output ships ----',
    'stage.node.build.deps': '---- build: production dependencies, installed where the build tools and the cache live ----',
    'stage.node.build.empty': '---- build: no dependencies and no build step, so nothing to do; kept for `--target build` ----',
    'stage.node.deps': '---- deps: production dependencies only, so that no dev dependency ships ----',
    'stage.node.distroless': '---- runtime: distroless nodejs holds node and glibc, no shell and no npm; its ENTRYPOINT is node ----',
    'stage.node.slim': '---- runtime: node slim, with a shell for debugging ----',
    'summary.node.build.compile': 'installs everything and runs the build ({image}); only its {outDir}/ ships.',
    'summary.node.build.members': 'installs everything and builds the workspace packages this member uses ({image}); only the member and those packages ship.',
    'summary.node.build.deploy':
      'installs this workspace member and the packages it uses ({image}, {manager}), builds them, and deploys the member with its production dependencies; only that ships.',
    'summary.node.build.deps': 'installs production dependencies with {manager} ({image}).',
    'summary.node.runtime': '{image} with node_modules and the app',
    'reason.node.native': 'native addons load system libraries ({packages}) that only apt can add',
    'reason.node.distroless': 'distroless nodejs holds node and glibc only: no shell, no npm, nothing to patch',
    'why.node.from-build': "The full node image: npm, a C toolchain for native addons, and the package manager's cache. None of it reaches the final image.",
    'why.node.from-deps': 'A second stage from the same image, for production dependencies only, so that no dev dependency ships.',
    'why.node.setup': 'Installs the package manager at the version the project pins.',
    'why.node.copy-manifests':
      'Layer caching: the manifests and the lockfile alone, so the install below stays cached until a dependency changes, not on every source edit.',
    'why.node.copy-member': "A workspace member's manifest, so that the install sees that member.",
    'why.node.install.all': 'Installs every dependency, dev ones included, exactly as the lockfile says.',
    'why.node.install.production': 'Installs production dependencies only, exactly as the lockfile says.',
    'why.node.build': "Runs the project's build script; only its output leaves this stage.",
    'why.node.deploy':
      'pnpm deploy puts the member in /prod/app with only its production dependencies, the workspace packages it uses copied in rather than linked: a folder that runs on its own.',
    'why.node.copy-deploy': 'The deployed member: its files and its own production node_modules, nothing else of the workspace.',
    'why.node.from-distroless':
      'distroless nodejs: node, glibc and a nonroot user, and nothing else. No shell, so no shell-form CMD or HEALTHCHECK and no `docker exec sh`; no npm either.',
    'why.node.from-slim': 'node slim: node on a minimal Debian, with a shell and apt for debugging.',
    'why.node.runtime-packages': 'System libraries the native addons load at run time.',
    'why.node.env': 'NODE_ENV=production turns off development code paths in most frameworks (Express caches views and hides stack traces).',
    'why.node.copy-modules':
      'Dependencies before the app: this layer is reused as long as the lockfile is unchanged. COPY --from takes node_modules only, not the compilers or caches of the stage it comes from.',
    'why.node.copy-app':
      "The app's own files; .dockerignore keeps the host's node_modules, .env files and .git out. They stay owned by root: the app can read them, not rewrite itself.",
    'why.node.copy-output': "The build's output, from the build stage.",
    'why.node.copy-members':
      'Of the workspace, only this member and the workspace packages it uses (node_modules links them by name); the other members stay out. Owned by root: the app can read them, not rewrite itself.',
    'why.node.copy-members.built': 'They come from the build stage, with what their builds made.',
    'why.node.workdir-member': 'A workspace member runs from its own folder; node_modules above it is still found.',
    'why.node.cmd.distroless':
      "Exec form, arguments only: the image's ENTRYPOINT is node, so node is PID 1 and receives SIGTERM itself, with no npm in between.",
    'why.node.cmd.slim': 'Exec form with node itself, never `npm start`: node is then PID 1 and receives SIGTERM, not npm.',
    'stage.node.static': '---- runtime: nginx, unprivileged, serving the built files; no Node in the image ----',
    'summary.node.runtime.static': '{image} serving the files the build wrote',
    'summary.node.runtime.output': '{image} with the {framework} server the build wrote',
    'reason.node.static': '{framework} builds a static site: a web server serves its files, and no Node ships',
    'why.node.check-build': 'Fails the build here, with the file named, if the build did not write what the image runs.',
    'why.node.nginx-conf': "The site's nginx server block: gzip, a year of caching for hashed assets, none for index.html, and the fallback its routes need.",
    'why.node.from-nginx': 'nginx-unprivileged: nginx as user 101 on port 8080, with no Node, npm or sources in the image.',
    'why.node.copy-site': 'Only the files the build wrote; the sources, node_modules and build tools stay in the build stage.',
    'why.node.copy-conf': 'The server block written in the build stage.',
    'why.node.copy-framework': "The framework's production output from the build stage, as its deployment guide lays it out; the sources stay behind.",
    'why.node.npmrc-secret':
      "The project's .npmrc holds a credential: it is mounted where the project keeps it (so its install settings apply too) for this command only, as a BuildKit secret: build with `--secret id=npmrc,src=.npmrc`; it never lands in a layer.",
    'why.node.builder-packages': 'The -dev packages the native addons compile against; they stay in this stage.',
    'why.node.cmd.nginx': 'Exec form: nginx itself is PID 1, in the foreground, and stops cleanly on the SIGQUIT the image declares.',
    'why.node.generate': 'Generates the Prisma Client from the schema: the app imports this code, and the runtime copies it from here.',
    'why.node.generate-arg':
      "A mirror for Prisma's engines where binaries.prisma.sh is out of reach: `--build-arg {name}=<url>`; empty means Prisma's own. A URL, never a secret.",
    'why.node.copy-generated':
      'Code generated in the build stage (the Prisma Client): the production node_modules comes from a stage that never ran the generator.',
    'why.node.copy-install-extra': 'The Prisma schema and config, which an install script generates the client from.',
    'summary.node.build.generate': 'installs everything and generates the Prisma Client ({image}); only the generated code ships.',
    'why.node.server-env':
      'PORT is the port the image exposes, for code that reads it; the rest makes the server listen on every interface, not only inside the container.',
    'note.node.no-lockfile': 'No lockfile: {manager} resolves versions at build time, so builds are not reproducible. Commit a lockfile.',
    'note.node.dev-only-script':
      'scripts.{script} `{command}` calls {program}, which {pkg} (not a production dependency) provides: the production install leaves that script out (it would stop at "not found"); the build stage\'s full install runs it.',
    'note.node.workspace-root': 'This is a workspace root ({members}); the image runs the root package. Use --workspace NAME for one member.',
    'note.node.out-dir.typescript':
      "The build's output folder is assumed to be dist/ (tsconfig.json names no outDir); if it writes elsewhere, set compilerOptions.outDir in tsconfig.json.",
    'note.node.out-dir.javascript':
      "The build's output folder is assumed to be dist/ (a JavaScript build names none); if it writes elsewhere, set compilerOptions.outDir in tsconfig.json.",
    'note.node.ts-no-build': 'TypeScript without a "build" script: the image runs the files as they are.',
    'note.node.bin-guess':
      'The image runs {pkg}\'s CLI as {path}, a file name from this tool\'s table (no npm lockfile records it); the build checks it is there. Pass --start "node <file>" to choose.',
    'note.node.entry-guess':
      'No scripts.start and no main: the image runs {file}, the first of the usual entry files found, a guess; pass --start "node <file>" to choose.',
    'note.node.gyp':
      "{file}: a native addon this tool has no table entry for; it builds with the full node image's toolchain. Add the -dev packages it needs if the compile fails.",
    'note.node.native': "Native addons ({addons}): built with {image}'s toolchain, which stays in the builder.",
    'note.node.npmrc-portable':
      "The project's .npmrc is not used: --portable builds without BuildKit secrets, and .npmrc may hold a token, so it is never copied; the install runs without its settings (registry, auth, legacy-peer-deps).",
    'note.node.angular-guess':
      'Angular: {why}, so the site is taken from dist/app/browser, a guess (the build checks that index.html is there); set outputPath in angular.json to settle it.',
    'note.node.angular.unparsable': 'angular.json does not parse',
    'note.node.angular.no-project': 'angular.json names no project',
    'note.node.angular.not-folder': 'its outputPath is not a plain folder inside the project',
  },
  fr: {
    'note.node.platforms':
      "Multi-plateforme ({platforms}) : l'installation et le build tournent sur chaque plateforme cible (le binaire de Node lui-même, et les addons natifs compilés pour elle), émulés par QEMU sur une machine d'une autre architecture (plusieurs fois plus lent).",
    'ignore.node': "Dépendances et caches installés sur l'hôte : l'image installe les siens, pour Linux.",
    'stage.node.build.compile': '---- build : toutes les dépendances, dev comprises, pour le build ; seule sa sortie part ----',
    'stage.node.build.deps': '---- build : les dépendances de production, installées là où sont les outils et le cache ----',
    'stage.node.build.empty': '---- build : ni dépendance ni build, rien à faire ; gardée pour `--target build` ----',
    'stage.node.deps': "---- deps : les dépendances de production seules, pour qu'aucune dépendance dev ne parte ----",
    'stage.node.distroless': '---- runtime : distroless nodejs a node et la glibc, ni shell ni npm ; son ENTRYPOINT est node ----',
    'stage.node.slim': '---- runtime : node slim, avec un shell pour déboguer ----',
    'summary.node.build.compile': 'installe tout et lance le build ({image}) ; seul son {outDir}/ part en production.',
    'summary.node.build.members':
      "installe tout et construit les paquets du workspace qu'utilise ce membre ({image}) ; seuls le membre et ces paquets partent en production.",
    'summary.node.build.deploy':
      "installe ce membre de l'espace de travail et les paquets qu'il utilise ({image}, {manager}), les compile, puis déploie le membre avec ses dépendances de production ; seul cela part en production.",
    'summary.node.build.deps': 'installe les dépendances de production avec {manager} ({image}).',
    'summary.node.runtime': "{image} avec node_modules et l'application",
    'reason.node.native': 'les addons natifs chargent des bibliothèques système ({packages}) que seul apt sait ajouter',
    'reason.node.distroless': 'distroless nodejs ne contient que node et la glibc : ni shell, ni npm, rien à patcher',
    'why.node.from-build':
      "L'image node complète : npm, une chaîne de compilation C pour les addons natifs et le cache du gestionnaire de paquets. Rien de tout cela n'arrive dans l'image finale.",
    'why.node.from-deps': 'Une deuxième étape sur la même image, pour les seules dépendances de production : aucune dépendance dev ne part.',
    'why.node.setup': 'Installe le gestionnaire de paquets à la version que fixe le projet.',
    'why.node.copy-manifests':
      "Cache des couches : les manifestes et le lockfile seuls, pour que l'installation ci-dessous reste en cache jusqu'au prochain changement de dépendance, pas à chaque modification du code.",
    'why.node.copy-member': "Le manifeste d'un membre du workspace, pour que l'installation le voie.",
    'why.node.install.all': 'Installe toutes les dépendances, dev comprises, exactement comme le dit le lockfile.',
    'why.node.install.production': 'Installe les seules dépendances de production, exactement comme le dit le lockfile.',
    'why.node.build': 'Lance le script de build du projet ; seule sa sortie quitte cette étape.',
    'why.node.deploy':
      "pnpm deploy place le membre dans /prod/app avec ses seules dépendances de production, les paquets de l'espace de travail qu'il utilise copiés et non liés : un dossier qui tourne seul.",
    'why.node.copy-deploy': "Le membre déployé : ses fichiers et son propre node_modules de production, rien d'autre de l'espace de travail.",
    'why.node.from-distroless':
      "distroless nodejs : node, la glibc et un utilisateur nonroot, rien d'autre. Pas de shell, donc ni CMD ou HEALTHCHECK en forme shell, ni `docker exec sh` ; pas de npm non plus.",
    'why.node.from-slim': 'node slim : node sur une Debian minimale, avec shell et apt pour déboguer.',
    'why.node.runtime-packages': 'Les bibliothèques système que chargent les addons natifs à l’exécution.',
    'why.node.env':
      'NODE_ENV=production coupe les chemins de développement de la plupart des frameworks (Express met les vues en cache et masque les piles d’appels).',
    'why.node.copy-modules':
      "Les dépendances avant l'application : cette couche est réutilisée tant que le lockfile ne change pas. COPY --from ne prend que node_modules, ni les compilateurs ni les caches de l'étape d'origine.",
    'why.node.copy-app':
      "Les fichiers de l'application ; le .dockerignore écarte le node_modules de l'hôte, les fichiers .env et .git. Ils restent à root : l'application peut les lire, pas se réécrire.",
    'why.node.copy-output': "La sortie du build, prise dans l'étape build.",
    'why.node.copy-members':
      "Du workspace, seulement ce membre et les paquets du workspace qu'il utilise (node_modules les relie par leur nom) ; les autres membres restent dehors. À root : l'application peut les lire, pas se réécrire.",
    'why.node.copy-members.built': "Ils viennent de l'étape build, avec ce que leurs builds ont produit.",
    'why.node.workdir-member': 'Un membre du workspace tourne depuis son propre dossier ; le node_modules du dessus reste trouvé.',
    'why.node.cmd.distroless':
      "Forme exec, les arguments seuls : l'ENTRYPOINT de l'image est node, donc node est le PID 1 et reçoit lui-même le SIGTERM, sans npm au milieu.",
    'why.node.cmd.slim': 'Forme exec avec node lui-même, jamais `npm start` : node est alors le PID 1 et reçoit le SIGTERM, pas npm.',
    'stage.node.static': "---- runtime : nginx, sans privilèges, qui sert les fichiers du build ; pas de Node dans l'image ----",
    'summary.node.runtime.static': '{image} qui sert les fichiers écrits par le build',
    'summary.node.runtime.output': '{image} avec le serveur {framework} écrit par le build',
    'reason.node.static': '{framework} produit un site statique : un serveur web sert ses fichiers, et aucun Node ne part',
    'why.node.check-build': "Fait échouer le build ici, en nommant le fichier, si le build n'a pas écrit ce que l'image lance.",
    'why.node.nginx-conf':
      'Le bloc server nginx du site : gzip, un an de cache pour les fichiers hachés, aucun pour index.html, et le repli dont ses routes ont besoin.',
    'why.node.from-nginx': "nginx-unprivileged : nginx en utilisateur 101 sur le port 8080, sans Node, npm ni sources dans l'image.",
    'why.node.copy-site': "Seulement les fichiers écrits par le build ; les sources, node_modules et les outils restent dans l'étape build.",
    'why.node.copy-conf': "Le bloc server écrit dans l'étape build.",
    'why.node.copy-framework':
      "La sortie de production du framework, prise dans l'étape build, disposée comme le dit son guide de déploiement ; les sources restent derrière.",
    'why.node.npmrc-secret':
      "Le .npmrc du projet contient un identifiant : il est monté là où le projet le garde (ses réglages d'installation s'appliquent donc aussi) pour cette seule commande, en secret BuildKit : construisez avec `--secret id=npmrc,src=.npmrc` ; il n'atterrit jamais dans une couche.",
    'why.node.builder-packages': 'Les paquets -dev contre lesquels se compilent les addons natifs ; ils restent dans cette étape.',
    'why.node.cmd.nginx': "Forme exec : nginx lui-même est le PID 1, au premier plan, et s'arrête proprement au SIGQUIT que déclare l'image.",
    'why.node.generate': "Génère le Prisma Client depuis le schéma : l'app importe ce code, et l'étape finale le copie d'ici.",
    'why.node.generate-arg':
      'Un miroir des moteurs de Prisma quand binaries.prisma.sh est injoignable : `--build-arg {name}=<url>` ; vide, Prisma prend le sien. Une URL, jamais un secret.',
    'why.node.copy-generated':
      "Le code généré dans l'étape de build (le Prisma Client) : le node_modules de production vient d'une étape qui n'a jamais lancé le générateur.",
    'why.node.copy-install-extra': "Le schéma et la config Prisma, dont un script d'installation génère le client.",
    'summary.node.build.generate': 'installe tout et génère le Prisma Client ({image}) ; seul le code généré part.',
    'why.node.server-env':
      "PORT est le port qu'expose l'image, pour le code qui le lit ; le reste fait écouter le serveur sur toutes les interfaces, pas seulement dans le conteneur.",
    'note.node.no-lockfile':
      'Pas de fichier de verrouillage : {manager} résout les versions au moment du build, les builds ne sont donc pas reproductibles. Versionnez un fichier de verrouillage.',
    'note.node.dev-only-script':
      "scripts.{script} `{command}` appelle {program}, que fournit {pkg} (pas une dépendance de production) : l'installation de production laisse ce script de côté (il s'arrêterait sur « not found ») ; l'installation complète de l'étape build le lance.",
    'note.node.workspace-root': "C'est la racine d'un espace de travail ({members}) ; l'image lance le paquet racine. --workspace NOM en choisit un membre.",
    'note.node.out-dir.typescript':
      "Le dossier de sortie du build est supposé être dist/ (tsconfig.json ne nomme aucun outDir) ; s'il écrit ailleurs, indiquez compilerOptions.outDir dans tsconfig.json.",
    'note.node.out-dir.javascript':
      "Le dossier de sortie du build est supposé être dist/ (un build JavaScript n'en nomme aucun) ; s'il écrit ailleurs, indiquez compilerOptions.outDir dans tsconfig.json.",
    'note.node.ts-no-build': "TypeScript sans script « build » : l'image lance les fichiers tels quels.",
    'note.node.bin-guess':
      "L'image lance la CLI de {pkg} par {path}, un nom de fichier tiré de la table de cet outil (aucun verrou npm ne l'enregistre) ; le build vérifie qu'il est là. --start \"node <fichier>\" choisit.",
    'note.node.entry-guess':
      'Ni scripts.start ni main : l\'image lance {file}, le premier des fichiers d\'entrée habituels trouvé, une supposition ; --start "node <fichier>" choisit.',
    'note.node.gyp':
      "{file} : un module natif absent de la table de cet outil ; il se compile avec la chaîne d'outils de l'image node complète. Ajoutez les paquets -dev dont il a besoin si la compilation échoue.",
    'note.node.native': "Modules natifs ({addons}) : compilés avec la chaîne d'outils de {image}, qui reste dans l'étape build.",
    'note.node.npmrc-portable':
      "Le .npmrc du projet n'est pas utilisé : --portable construit sans secrets BuildKit, et .npmrc peut contenir un jeton, il n'est donc jamais copié ; l'installation se fait sans ses réglages (registre, authentification, legacy-peer-deps).",
    'note.node.angular-guess':
      "Angular : {why}, le site est donc pris dans dist/app/browser, une supposition (le build vérifie que index.html s'y trouve) ; indiquez outputPath dans angular.json pour trancher.",
    'note.node.angular.unparsable': 'angular.json ne se lit pas',
    'note.node.angular.no-project': 'angular.json ne nomme aucun projet',
    'note.node.angular.not-folder': "son outputPath n'est pas un simple dossier du projet",
  },
});
