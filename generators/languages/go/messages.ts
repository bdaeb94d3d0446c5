import { defineLanguageMessages } from '../../core/explain/catalog.js';

/** What Go output says: stage banners, header summaries, runtime reasons and --explain comments, in English and French (same keys, checked by the compiler). */
export const GO_MESSAGES = defineLanguageMessages({
  en: {
    'note.go.platforms.cgo':
      'Multi-platform ({platforms}): this program uses cgo, which needs the C compiler and libraries of each target, so the build stage runs on each target platform, emulated by QEMU on a machine of another architecture (several times slower).',
    'why.go.cross-build':
      'Compiles the main package to /out for the platform this image is for (GOOS/GOARCH from TARGETOS/TARGETARCH), on the build machine: Go cross-compiles without emulation.',
    'ignore.go': 'Go test binaries, profiles and coverage output.',
    'stage.go.build': '---- build: the full Go toolchain; only what the runtime stage copies out of it ships ----',
    'stage.go.scratch': '---- runtime: scratch is empty; the image is exactly the files copied below ----',
    'stage.go.distroless': '---- runtime: distroless has CA roots, tzdata and a nonroot user, no shell and no apt ----',
    'summary.go.build': 'compiles {main} with Go {version} ({image}); nothing here ships.',
    'summary.go.runtime': '{image} with only the binary',
    'summary.go.runtime.certs': '{image} with only the binary and the CA bundle',
    'reason.go.cgo': 'cgo links against glibc, so scratch cannot run it; distroless base has glibc and nothing else',
    'why.go.arg-proxy':
      'A module proxy or mirror, passed with `docker build --build-arg GOPROXY=...`. An ARG lives only in this stage: it reaches neither the final image nor its history.',
    'why.go.arg-private':
      "Private modules: not checked against the public checksum database, and fetched directly (`--build-arg GOPRIVATE=example.com/*`), or through your company's GOPROXY with `GONOPROXY=none`; credentials come from the netrc secret.",
    'why.go.arg-flags': 'Extra go flags for the build, such as -mod=mod (`--build-arg GOFLAGS=...`).',
    'why.go.netrc':
      'Credentials for private modules belong in a BuildKit secret, mounted for this RUN only and never stored: `docker build --secret id=netrc,src=$HOME/.netrc .`.',
    'why.go.workdir': 'The program opens files by relative paths, which resolve from its working directory: {dir}.',
    'why.go.copy-data': 'Read at run time and not embedded in the binary, so it ships next to it, at the path the code names.',
    'reason.go.cgo-libraries': 'a cgo module loads {packages} at run time, which only a Debian runtime can install',
    'why.go.builder-packages': 'The -dev packages the cgo modules compile against.',
    'why.go.runtime-packages': 'The shared libraries the cgo modules load at run time, and nothing else.',
    'reason.go.static': 'CGO_ENABLED=0 gives a static binary, which needs nothing but the files copied next to it',
    'why.go.from-build':
      'The Go image: compiler, git and module tooling. It is big, and that is fine: nothing from this stage reaches the final image unless a COPY --from takes it.',
    'why.go.copy-manifests':
      'Layer caching: docker reuses a layer while its inputs are unchanged. go.mod and go.sum alone come first, so the download below reruns only when they change, not on every edit.',
    'why.go.download': 'Downloads the modules once; this step stays cached until go.mod or go.sum change.',
    'why.go.build': 'Compiles the main package to /out.',
    'why.go.build.init': 'With no go.mod, `go mod init` makes one on the fly.',
    'why.go.build.refetch':
      'A cache mount may come back empty (pruned, or a fresh builder that reuses layers from a registry cache while the mount starts over), so Go may download modules here again: the same CA and netrc secrets are mounted.',
    'why.go.build.static': 'CGO_ENABLED=0 links a static binary that needs no C library; -trimpath and -s -w drop local paths and debug symbols.',
    'why.go.build.cgo': 'cgo (import "C", here or in a module) needs the C toolchain here and glibc at run time.',
    'why.go.build.zoneinfo': '-tags=timetzdata embeds the time zone database, since the runtime has none.',
    'why.go.entrypoint':
      "Exec form, a JSON array: the binary is PID 1 with no shell in between, and Go's runtime handles the SIGTERM that `docker stop` sends.",
    'note.go.cgo': '{module} is cgo: the build has CGO_ENABLED=1 and the binary needs glibc at run time.',
    'note.go.cgo-libraries': '{module} is cgo: the build has CGO_ENABLED=1 and the binary needs glibc and {packages} at run time.',
    'note.go.unsupported-line':
      "go.mod asks for Go {line} or newer, a line Go no longer patches (as of {asOf}): it builds with Go {supported}, the oldest line still patched, since its standard library is compiled into the binary; Go 1 compatibility keeps the module's own language version. A `toolchain` line in go.mod settles another.",
    'note.go.no-go-mod': 'No go.mod: the build runs `go mod init` for this standard-library-only main package.',
    'note.go.vendor-unchecked':
      "vendor/modules.txt predates Go 1.14 (no `## explicit` lines), so today's Go would check it against go.mod and refuse a stale one: the build downloads the modules go.mod and go.sum name instead; `go mod vendor` with a current Go brings vendor/ back into use.",
    'note.go.vendor': 'vendor/ found: the build uses -mod=vendor and downloads nothing.',
    'note.go.work': 'go.work: a workspace of {count} modules ({modules}), built from the root so each module sees the others.',
    'note.go.config-port': 'Port {port} is read from {source}, the config the program loads at run time; --port settles it if another config is used.',
    'note.go.config-port-guess':
      'Port {port} is read from {source}, the config the program loads at run time (the config names several ports: a guess); --port settles it if another config is used.',
  },
  fr: {
    'note.go.platforms.cgo':
      "Multi-plateforme ({platforms}) : ce programme utilise cgo, qui demande le compilateur C et les bibliothèques de chaque cible ; l'étape de build tourne donc sur chaque plateforme cible, émulée par QEMU sur une machine d'une autre architecture (plusieurs fois plus lent).",
    'why.go.cross-build':
      'Compile le package main vers /out pour la plateforme de cette image (GOOS/GOARCH tirés de TARGETOS/TARGETARCH), sur la machine de build : Go compile en croisé sans émulation.',
    'ignore.go': 'Binaires de test, profils et couverture de Go.',
    'stage.go.build': "---- build : toute la chaîne Go ; seul ce que l'étape runtime en copie part en production ----",
    'stage.go.scratch': "---- runtime : scratch est vide ; l'image, ce sont exactement les fichiers copiés ci-dessous ----",
    'stage.go.distroless': '---- runtime : distroless a les racines CA, tzdata et un utilisateur nonroot, ni shell ni apt ----',
    'summary.go.build': 'compile {main} avec Go {version} ({image}) ; rien ici ne part en production.',
    'summary.go.runtime': '{image} avec le binaire seul',
    'summary.go.runtime.certs': '{image} avec le binaire et le bundle CA, rien de plus',
    'reason.go.cgo': "cgo se lie à la glibc, donc scratch ne peut pas l'exécuter ; distroless base a la glibc et rien d'autre",
    'why.go.arg-proxy':
      "Un proxy ou miroir de modules, passé par `docker build --build-arg GOPROXY=...`. Un ARG ne vit que dans cette étape : il n'atteint ni l'image finale ni son historique.",
    'why.go.arg-private':
      'Modules privés : non vérifiés auprès de la base publique des sommes de contrôle, et téléchargés directement (`--build-arg GOPRIVATE=example.com/*`), ou par le GOPROXY de votre entreprise avec `GONOPROXY=none` ; les identifiants viennent du secret netrc.',
    'why.go.arg-flags': 'Des options go en plus pour la compilation, comme -mod=mod (`--build-arg GOFLAGS=...`).',
    'why.go.netrc':
      'Les identifiants des modules privés vont dans un secret BuildKit, monté pour ce seul RUN et jamais stocké : `docker build --secret id=netrc,src=$HOME/.netrc .`.',
    'why.go.workdir': 'Le programme ouvre des fichiers par des chemins relatifs, résolus depuis son répertoire de travail : {dir}.',
    'why.go.copy-data': "Lu à l'exécution et non embarqué dans le binaire : il part à côté, au chemin que le code donne.",
    'reason.go.cgo-libraries': "un module cgo charge {packages} à l'exécution, que seul un runtime Debian peut installer",
    'why.go.builder-packages': 'Les paquets -dev sur lesquels les modules cgo se compilent.',
    'why.go.runtime-packages': "Les bibliothèques partagées que chargent les modules cgo à l'exécution, et rien d'autre.",
    'reason.go.static': "CGO_ENABLED=0 donne un binaire statique, qui n'a besoin que des fichiers copiés à côté de lui",
    'why.go.from-build':
      "L'image Go : compilateur, git et outillage des modules. Elle est lourde, et ce n'est pas grave : rien de cette étape n'arrive dans l'image finale sans un COPY --from.",
    'why.go.copy-manifests':
      "Cache des couches : docker réutilise une couche tant que ses entrées n'ont pas changé. go.mod et go.sum arrivent seuls d'abord, et le téléchargement ci-dessous ne se relance que s'ils changent, pas à chaque modification.",
    'why.go.download': 'Télécharge les modules une fois ; cette étape reste en cache tant que go.mod et go.sum ne changent pas.',
    'why.go.build': 'Compile le package main vers /out.',
    'why.go.build.init': 'Sans go.mod, `go mod init` en crée un à la volée.',
    'why.go.build.refetch':
      "Un montage de cache peut revenir vide (purgé, ou un builder neuf qui reprend les couches d'un cache de registre sans le montage) : Go peut alors retélécharger des modules ici, d'où les mêmes secrets CA et netrc.",
    'why.go.build.static':
      'CGO_ENABLED=0 produit un binaire statique, sans bibliothèque C ; -trimpath et -s -w retirent les chemins locaux et les symboles de débogage.',
    'why.go.build.cgo': `cgo (import "C", ici ou dans un module) demande ici la chaîne de compilation C, et la glibc à l'exécution.`,
    'why.go.build.zoneinfo': "-tags=timetzdata embarque la base des fuseaux horaires, absente de l'image finale.",
    'why.go.entrypoint':
      "Forme exec, un tableau JSON : le binaire est le PID 1, sans shell entre les deux, et le runtime Go gère le SIGTERM qu'envoie `docker stop`.",
    'note.go.cgo': "{module} utilise cgo : le build a CGO_ENABLED=1 et le binaire a besoin de la glibc à l'exécution.",
    'note.go.cgo-libraries': "{module} utilise cgo : le build a CGO_ENABLED=1 et le binaire a besoin de la glibc et de {packages} à l'exécution.",
    'note.go.unsupported-line':
      'go.mod demande Go {line} ou plus récent, une version que Go ne corrige plus (au {asOf}) : le build utilise Go {supported}, la plus ancienne encore corrigée, car sa bibliothèque standard est compilée dans le binaire ; la compatibilité de Go 1 garde la version de langage du module. Une ligne `toolchain` dans go.mod en impose une autre.',
    'note.go.no-go-mod': 'Pas de go.mod : le build lance `go mod init` pour ce paquet main qui ne dépend que de la bibliothèque standard.',
    'note.go.vendor-unchecked':
      "vendor/modules.txt date d'avant Go 1.14 (pas de lignes `## explicit`) : le Go d'aujourd'hui le vérifierait contre go.mod et en refuserait un périmé, le build télécharge donc les modules que nomment go.mod et go.sum ; un `go mod vendor` avec un Go actuel remet vendor/ en service.",
    'note.go.vendor': 'vendor/ trouvé : le build utilise -mod=vendor et ne télécharge rien.',
    'note.go.work': 'go.work : un espace de travail de {count} modules ({modules}), construit depuis la racine pour que chaque module voie les autres.',
    'note.go.config-port':
      "Le port {port} est lu dans {source}, la configuration que le programme charge à l'exécution ; --port tranche si une autre configuration est utilisée.",
    'note.go.config-port-guess':
      "Le port {port} est lu dans {source}, la configuration que le programme charge à l'exécution (elle nomme plusieurs ports : une supposition) ; --port tranche si une autre configuration est utilisée.",
  },
});
