import { defineMessages } from './catalog.js';

/**
 * `create-dockerfile explain FILE`: what each instruction of any Dockerfile does, and what about it is
 * (or is not) good practice. Written for a student reading their own file: one idea a sentence, the
 * reason before the rule. fr as a French-speaking trainer says it (couche, étape, build, cache).
 */
export const FILE_MESSAGES = defineMessages({
  en: {
    'explain.file.heading': '{file}: {instructions}, {stages}, {findings}.',
    'explain.count.instruction.one': '1 instruction',
    'explain.count.instruction.many': '{count} instructions',
    'explain.count.stage.one': '1 stage',
    'explain.count.stage.many': '{count} stages',
    'explain.count.finding.none': 'no lint finding',
    'explain.count.finding.one': '1 lint finding',
    'explain.count.finding.many': '{count} lint findings',
    'explain.labelled': '{label}: {text}',
    'explain.file.empty': '{file} holds no instruction.',
    'explain.file.line': 'line {line}',
    'explain.file.lines': 'lines {line}-{end}',
    'explain.mark.good': 'good',
    'explain.mark.fix': 'to fix',
    'explain.mark.note': 'note',
    'explain.mark.lint': 'lint',

    'explain.directive.syntax': 'Parser directive: BuildKit fetches the frontend {value} from a registry and builds this file with it, before anything else.',
    'explain.directive.escape': 'Parser directive: the escape character is {value} instead of \\ (handy with Windows paths); line continuations use it too.',
    'explain.directive.check': "Parser directive: configures BuildKit's build checks ({value}).",
    'explain.directive.other': 'Parser directive {name}: BuildKit reads it before the first instruction.',

    'explain.what.FROM': 'Starts a new stage from the image {image}: its files are where every layer below starts.',
    'explain.what.FROM.scratch': 'Starts a new stage from scratch, the empty image: the stage holds only what is copied into it.',
    'explain.what.FROM.stage': 'Starts a new stage from the earlier stage {image}, with everything it built.',
    'explain.what.RUN': 'Runs a command while building and keeps the files it changes as a new layer.',
    'explain.what.COPY': 'Copies {sources} from the build context into the image at {destination}, as a new layer.',
    'explain.what.COPY.from': 'Copies {sources} out of {from} into {destination}: only the result crosses over, never the tools that made it.',
    'explain.what.COPY.heredoc':
      'Writes the here-document {sources} (its lines up to the closing name) to {destination}, as a new layer: nothing comes from the build context.',
    'explain.what.ADD': 'Like COPY, and also downloads URLs and unpacks local tar archives: {sources} to {destination}.',
    'explain.what.CMD': "Sets the container's default command; whatever follows the image name in `docker run` replaces it.",
    'explain.what.ENTRYPOINT': 'Sets the program every container of this image starts; CMD becomes its arguments.',
    'explain.what.USER': 'Sets the user ({user}) that every later RUN and the container itself run as.',
    'explain.what.WORKDIR': 'Sets the working folder ({dir}) for every later instruction and for the container, creating it if needed.',
    'explain.what.ENV': 'Sets {names} in the image: every later instruction and every container sees it.',
    'explain.what.ARG': 'Declares the build argument {name}, set with `docker build --build-arg {name}=...`; it exists only while building.',
    'explain.what.ARG.platform':
      'Declares {name}, which BuildKit sets itself for the platform being built (`--platform`); declared here, the stage can use it.',
    'explain.what.ARG.global':
      'Declares the build argument {name} before the first FROM: FROM lines can use it; a stage that needs it declares `ARG {name}` again.',
    'explain.what.EXPOSE': 'Documents the port(s) the program listens on ({ports}); it publishes nothing, `docker run -p` does.',
    'explain.what.LABEL': 'Adds metadata to the image ({names}), such as its source or version; it makes no layer.',
    'explain.what.HEALTHCHECK':
      'Tells Docker how to check the container is healthy: the command runs inside it at each interval, and the status shows in `docker ps`.',
    'explain.what.HEALTHCHECK.none': 'Turns off a health check inherited from the base image.',
    'explain.what.VOLUME': 'Declares {paths} as a mount point: data written there lives outside the container, and a later RUN that changes it is discarded.',
    'explain.what.SHELL': 'Changes the shell that the shell form of RUN, CMD and ENTRYPOINT uses.',
    'explain.what.STOPSIGNAL': 'Sets the signal `docker stop` sends to stop the container ({signal}).',
    'explain.what.ONBUILD': 'Records an instruction for later: it runs when another Dockerfile builds FROM this image ({trigger}).',
    'explain.what.MAINTAINER': 'Names the author; a deprecated instruction.',
    'explain.what.unknown': 'Not an instruction Docker knows: the build stops here with an error.',

    'explain.from.pinned': 'Pinned to the tag {tag}: the same file builds the same base until you change it.',
    'explain.from.digest': 'Pinned by digest: the exact same base bytes on every build, even if the tag moves.',
    'explain.from.latest': 'The tag latest moves whenever upstream publishes: two builds of this file can get different bases. Name a version.',
    'explain.from.untagged': 'No tag means latest: two builds can get different bases. Name a version.',
    'explain.from.named': 'The stage is named {name}: later stages copy from it with `COPY --from={name}`, and `docker build --target {name}` stops here.',
    'explain.from.platform': 'Runs on the platform {platform} whatever the target: the usual way to cross-compile for several platforms.',
    'explain.from.final-two': 'The last stage is the image: only what it copies from the stage above ships, so compilers and sources stay behind.',
    'explain.from.variable': 'The image comes from a build argument: the default of its ARG decides, and `docker build --build-arg` can change it.',
    'explain.from.final-multi': 'The last stage is the image: only what it copies from the {count} stages above ships, so compilers and sources stay behind.',
    'explain.from.single':
      'A single stage: the compilers, package caches and sources used to build ship in the image too. A multi-stage build leaves them behind.',
    'explain.from.slim': 'A slim base: Debian without documentation and extra tools, several times smaller than the full image.',
    'explain.from.distroless': 'A distroless base: no shell and no package manager, so much less to patch and to attack.',
    'explain.from.alpine': 'An Alpine base: small, but with musl instead of glibc, which some programs and wheels do not support.',

    'explain.run.shell': 'Shell form: /bin/sh -c runs it, so `&&`, pipes and variables work.',
    'explain.run.shell-custom': 'Shell form, run by the SHELL set on line {line} ({shell}).',
    'explain.run.exec': 'Exec form: the program runs directly, with no shell to expand variables or chain commands.',
    'explain.run.cache-mount': 'A cache mount at {target}: downloads are kept between builds without entering any layer.',
    'explain.run.secret-mount': 'A secret mount ({id}): the credential is readable during this RUN only and stored in no layer.',
    'explain.run.bind-mount': 'A bind mount: files are read from {from} during this RUN only, and copied into no layer.',
    'explain.run.ssh-mount': "An SSH mount: the build machine's SSH agent answers during this RUN, and no key is stored.",
    'explain.run.heredoc': 'A here-document (<<{name}): the lines up to {name} are what this RUN executes, with no `&& \\` at each line end.',
    'explain.run.apt-clean': 'Installs and removes the apt package lists in the same RUN, so they never weigh on a layer.',
    'explain.run.apt-update-alone':
      'apt-get update alone in its RUN: that layer stays cached, so a later install reads stale lists. Update and install in one RUN.',
    'explain.run.apt-recommends': 'apt-get install without --no-install-recommends also installs packages the program does not need.',
    'explain.run.cd': '`cd` lasts for this RUN only; WORKDIR sets the folder for every instruction after it.',
    'explain.run.npm-install': '`npm install` may change the lockfile; `npm ci` installs exactly what package-lock.json pins.',
    'explain.run.chained': '{count} commands chained with && in one layer: one layer instead of {count}, and the build stops at the first that fails.',
    'explain.run.pipe-to-shell': 'Pipes a download into a shell: what runs is whatever the server sends that day. Download, check a checksum, then run.',

    'explain.copy.everything':
      'Copies the whole build context: .dockerignore decides what that is, and any edit invalidates this layer and every one after it.',
    'explain.copy.install-after':
      'A dependency install comes after this copy (line {line}): every source edit reinstalls every dependency. Copy the manifests, install, then copy the rest.',
    'explain.copy.install-before':
      'The dependencies were installed above (line {line}) from their manifests alone, so editing the source does not reinstall them.',
    'explain.copy.chown': 'The files belong to {owner}; without --chown they would belong to root.',
    'explain.copy.chmod': 'Their mode is set to {mode} as they are copied, with no extra layer.',
    'explain.copy.link': '--link copies into a layer of its own, independent of those below: it is reused when they change.',
    'explain.copy.from-stage': 'A multi-stage copy: this is how the runtime stage gets the build result without the build tools.',
    'explain.add.plain': 'Nothing here needs what ADD adds: COPY says exactly what happens.',
    'explain.add.url': 'ADD downloads at each build; with no --checksum nothing checks that the file is the one you expect.',

    'explain.cmd.exec': 'Exec form: the program is PID 1 and receives the SIGTERM of `docker stop`.',
    'explain.cmd.shell':
      'Shell form: /bin/sh -c is PID 1 and does not pass SIGTERM on, so `docker stop` waits 10 s, then kills. Use the JSON form ["program", "arg"].',
    'explain.cmd.after-entrypoint': 'With an ENTRYPOINT in this stage, these are the arguments it receives.',

    'explain.user.root': 'Runs as root: a flaw in the program then acts as root in the container. Create a user and switch to it.',
    'explain.user.numeric': 'A numeric id: Kubernetes can check runAsNonRoot without reading /etc/passwd.',
    'explain.user.named': "A name: it must exist in this stage's /etc/passwd. A numeric id (uid:gid) also works where there is none.",
    'explain.user.final-none': 'No USER in the last stage: the container runs as root unless the base image set another user.',

    'explain.workdir.relative': 'A relative path resolves from the previous WORKDIR: write it absolute so it reads the same anywhere.',
    'explain.env.secret':
      '{name} looks like a secret: ENV is stored in the image, and anyone who pulls it reads it. Use a BuildKit secret, or pass it at run time.',
    'explain.arg.secret': '{name} looks like a secret: build arguments are recorded in the image history. Use `RUN --mount=type=secret`.',
    'explain.expose.note': 'The program must listen on 0.0.0.0 (not 127.0.0.1) for the published port to reach it.',
    'explain.healthcheck.shell': 'The check runs a shell and a client inside the container: distroless and scratch images have neither.',
    'explain.maintainer.label': 'Deprecated: write LABEL org.opencontainers.image.authors="..." instead.',
    'explain.onbuild.surprise': 'Hidden until someone builds FROM this image, and ignored by OCI tools such as Podman by default: most teams avoid it.',
  },
  fr: {
    'explain.file.heading': '{file} : {instructions}, {stages}, {findings}.',
    'explain.count.instruction.one': '1 instruction',
    'explain.count.instruction.many': '{count} instructions',
    'explain.count.stage.one': '1 étape',
    'explain.count.stage.many': '{count} étapes',
    'explain.count.finding.none': 'aucune remarque du lint',
    'explain.count.finding.one': '1 remarque du lint',
    'explain.count.finding.many': '{count} remarques du lint',
    'explain.labelled': '{label} : {text}',
    'explain.file.empty': '{file} ne contient aucune instruction.',
    'explain.file.line': 'ligne {line}',
    'explain.file.lines': 'lignes {line}-{end}',
    'explain.mark.good': 'bien',
    'explain.mark.fix': 'à revoir',
    'explain.mark.note': 'note',
    'explain.mark.lint': 'lint',

    'explain.directive.syntax':
      'Directive du parseur : BuildKit récupère le frontend {value} sur un registre et construit ce fichier avec lui, avant toute chose.',
    'explain.directive.escape':
      "Directive du parseur : le caractère d'échappement est {value} au lieu de \\ (pratique avec les chemins Windows) ; les continuations de ligne l'utilisent aussi.",
    'explain.directive.check': 'Directive du parseur : règle les vérifications de build de BuildKit ({value}).',
    'explain.directive.other': 'Directive du parseur {name} : BuildKit la lit avant la première instruction.',

    'explain.what.FROM': "Commence une nouvelle étape à partir de l'image {image} : ses fichiers sont le point de départ de toutes les couches qui suivent.",
    'explain.what.FROM.scratch': "Commence une nouvelle étape à partir de scratch, l'image vide : l'étape ne contient que ce qu'on y copie.",
    'explain.what.FROM.stage': "Commence une nouvelle étape à partir de l'étape {image}, avec tout ce qu'elle a construit.",
    'explain.what.RUN': 'Exécute une commande pendant le build et garde les fichiers modifiés dans une nouvelle couche.',
    'explain.what.COPY': "Copie {sources} du contexte de build dans l'image, vers {destination}, dans une nouvelle couche.",
    'explain.what.COPY.from': "Copie {sources} depuis {from} vers {destination} : seul le résultat passe, jamais les outils qui l'ont produit.",
    'explain.what.COPY.heredoc':
      "Écrit le here-document {sources} (ses lignes jusqu'au nom de fin) dans {destination}, dans une nouvelle couche : rien ne vient du contexte de build.",
    'explain.what.ADD': 'Comme COPY, mais télécharge aussi des URL et décompresse les archives tar locales : {sources} vers {destination}.',
    'explain.what.CMD': "Fixe la commande par défaut du conteneur ; ce qui suit le nom de l'image dans `docker run` la remplace.",
    'explain.what.ENTRYPOINT': 'Fixe le programme que lance chaque conteneur de cette image ; CMD devient ses arguments.',
    'explain.what.USER': "Fixe l'utilisateur ({user}) sous lequel tournent les RUN suivants et le conteneur lui-même.",
    'explain.what.WORKDIR': "Fixe le dossier de travail ({dir}) des instructions suivantes et du conteneur, et le crée s'il manque.",
    'explain.what.ENV': "Définit {names} dans l'image : toutes les instructions suivantes et tous les conteneurs le voient.",
    'explain.what.ARG': "Déclare l'argument de build {name}, fixé par `docker build --build-arg {name}=...` ; il n'existe que pendant le build.",
    'explain.what.ARG.platform':
      "Déclare {name}, que BuildKit fixe lui-même pour la plateforme construite (`--platform`) ; déclaré ici, l'étape peut s'en servir.",
    'explain.what.ARG.global':
      "Déclare l'argument de build {name} avant le premier FROM : les lignes FROM peuvent s'en servir ; une étape qui en a besoin redéclare `ARG {name}`.",
    'explain.what.EXPOSE': "Documente le ou les ports où le programme écoute ({ports}) ; il ne publie rien, c'est `docker run -p` qui publie.",
    'explain.what.LABEL': "Ajoute des métadonnées à l'image ({names}), comme sa source ou sa version ; aucune couche.",
    'explain.what.HEALTHCHECK':
      "Indique à Docker comment vérifier que le conteneur va bien : la commande s'exécute dedans à chaque intervalle, et l'état s'affiche dans `docker ps`.",
    'explain.what.HEALTHCHECK.none': "Désactive un healthcheck hérité de l'image de base.",
    'explain.what.VOLUME': 'Déclare {paths} comme point de montage : ce qui y est écrit vit hors du conteneur, et un RUN qui le modifie ensuite est perdu.',
    'explain.what.SHELL': 'Change le shell utilisé par la forme shell de RUN, CMD et ENTRYPOINT.',
    'explain.what.STOPSIGNAL': "Fixe le signal qu'envoie `docker stop` pour arrêter le conteneur ({signal}).",
    'explain.what.ONBUILD': "Enregistre une instruction pour plus tard : elle s'exécute quand un autre Dockerfile part de cette image avec FROM ({trigger}).",
    'explain.what.MAINTAINER': "Nomme l'auteur ; une instruction dépréciée.",
    'explain.what.unknown': "Pas une instruction que Docker connaît : le build s'arrête ici en erreur.",

    'explain.from.pinned': "Épinglée au tag {tag} : le même fichier construit la même base tant qu'on ne le change pas.",
    'explain.from.digest': 'Épinglée par digest : exactement les mêmes octets de base à chaque build, même si le tag bouge.',
    'explain.from.latest': 'Le tag latest bouge à chaque publication : deux builds de ce fichier peuvent avoir des bases différentes. Indiquez une version.',
    'explain.from.untagged': "Sans tag, c'est latest : deux builds peuvent avoir des bases différentes. Indiquez une version.",
    'explain.from.named':
      "L'étape s'appelle {name} : les étapes suivantes y copient avec `COPY --from={name}`, et `docker build --target {name}` s'arrête ici.",
    'explain.from.platform':
      'Tourne sur la plateforme {platform} quelle que soit la cible : la façon habituelle de compiler en croisé pour plusieurs plateformes.',
    'explain.from.final-two': "La dernière étape est l'image : seul ce qu'elle copie de l'étape du dessus est livré, compilateurs et sources restent derrière.",
    'explain.from.variable': "L'image vient d'un argument de build : la valeur par défaut de son ARG décide, et `docker build --build-arg` peut la changer.",
    'explain.from.final-multi':
      "La dernière étape est l'image : seul ce qu'elle copie des {count} étapes au-dessus est livré, compilateurs et sources restent derrière.",
    'explain.from.single':
      "Une seule étape : les compilateurs, caches de paquets et sources du build sont livrés dans l'image. Un build multi-étapes les laisse derrière.",
    'explain.from.slim': "Une base slim : Debian sans documentation ni outils en trop, plusieurs fois plus petite que l'image complète.",
    'explain.from.distroless': 'Une base distroless : ni shell ni gestionnaire de paquets, donc bien moins à corriger et à attaquer.',
    'explain.from.alpine': 'Une base Alpine : petite, mais avec musl au lieu de glibc, que certains programmes et wheels ne supportent pas.',

    'explain.run.shell': "Forme shell : /bin/sh -c l'exécute, donc `&&`, les pipes et les variables fonctionnent.",
    'explain.run.shell-custom': 'Forme shell, exécutée par le SHELL fixé ligne {line} ({shell}).',
    'explain.run.exec': 'Forme exec : le programme tourne directement, sans shell pour développer les variables ou enchaîner des commandes.',
    'explain.run.cache-mount': "Un montage de cache sur {target} : les téléchargements sont gardés d'un build à l'autre sans entrer dans aucune couche.",
    'explain.run.secret-mount': "Un montage de secret ({id}) : l'identifiant n'est lisible que pendant ce RUN et n'est stocké dans aucune couche.",
    'explain.run.bind-mount': 'Un montage bind : les fichiers sont lus depuis {from} pendant ce RUN seulement, et copiés dans aucune couche.',
    'explain.run.ssh-mount': "Un montage SSH : l'agent SSH de la machine de build répond pendant ce RUN, et aucune clé n'est stockée.",
    'explain.run.heredoc': "Un here-document (<<{name}) : les lignes jusqu'à {name} sont ce qu'exécute ce RUN, sans `&& \\` en fin de ligne.",
    'explain.run.apt-clean': 'Installe et supprime les listes de paquets apt dans le même RUN : elles ne pèsent jamais sur une couche.',
    'explain.run.apt-update-alone':
      'apt-get update seul dans son RUN : cette couche reste en cache, et une installation plus loin lit des listes périmées. Faites update et install dans un seul RUN.',
    'explain.run.apt-recommends': "apt-get install sans --no-install-recommends installe aussi des paquets dont le programme n'a pas besoin.",
    'explain.run.cd': '`cd` ne dure que le temps de ce RUN ; WORKDIR fixe le dossier pour toutes les instructions suivantes.',
    'explain.run.npm-install': "`npm install` peut modifier le lockfile ; `npm ci` installe exactement ce qu'épingle package-lock.json.",
    'explain.run.chained':
      "{count} commandes enchaînées par && dans une couche : une couche au lieu de {count}, et le build s'arrête à la première qui échoue.",
    'explain.run.pipe-to-shell':
      "Envoie un téléchargement dans un shell : ce qui s'exécute est ce que le serveur envoie ce jour-là. Téléchargez, vérifiez une somme de contrôle, puis exécutez.",

    'explain.copy.everything':
      "Copie tout le contexte de build : .dockerignore décide de ce qu'il contient, et la moindre modification invalide cette couche et toutes les suivantes.",
    'explain.copy.install-after':
      'Une installation de dépendances vient après cette copie (ligne {line}) : chaque modification du code réinstalle toutes les dépendances. Copiez les manifestes, installez, puis copiez le reste.',
    'explain.copy.install-before':
      'Les dépendances sont installées plus haut (ligne {line}) à partir de leurs seuls manifestes : modifier le code ne les réinstalle pas.',
    'explain.copy.chown': 'Les fichiers appartiennent à {owner} ; sans --chown ils appartiendraient à root.',
    'explain.copy.chmod': 'Leurs droits sont fixés à {mode} pendant la copie, sans couche de plus.',
    'explain.copy.link': '--link copie dans une couche à part, indépendante de celles du dessous : elle est réutilisée quand elles changent.',
    'explain.copy.from-stage': "Une copie multi-étapes : c'est ainsi que l'étape d'exécution reçoit le résultat du build sans les outils de build.",
    'explain.add.plain': "Rien ici n'a besoin de ce qu'ajoute ADD : COPY dit exactement ce qui se passe.",
    'explain.add.url': 'ADD télécharge à chaque build ; sans --checksum, rien ne vérifie que le fichier est bien celui attendu.',

    'explain.cmd.exec': 'Forme exec : le programme est le PID 1 et reçoit le SIGTERM de `docker stop`.',
    'explain.cmd.shell':
      'Forme shell : /bin/sh -c est le PID 1 et ne transmet pas SIGTERM, donc `docker stop` attend 10 s puis tue. Utilisez la forme JSON ["programme", "arg"].',
    'explain.cmd.after-entrypoint': "Avec un ENTRYPOINT dans cette étape, ce sont les arguments qu'il reçoit.",

    'explain.user.root': 'Tourne en root : une faille du programme agit alors en root dans le conteneur. Créez un utilisateur et passez-y.',
    'explain.user.numeric': 'Un identifiant numérique : Kubernetes peut vérifier runAsNonRoot sans lire /etc/passwd.',
    'explain.user.named': "Un nom : il doit exister dans le /etc/passwd de cette étape. Un identifiant numérique (uid:gid) marche aussi là où il n'y en a pas.",
    'explain.user.final-none': "Pas de USER dans la dernière étape : le conteneur tourne en root, sauf si l'image de base a fixé un autre utilisateur.",

    'explain.workdir.relative': "Un chemin relatif part du WORKDIR précédent : écrivez-le en absolu pour qu'il se lise pareil partout.",
    'explain.env.secret':
      "{name} ressemble à un secret : ENV est stocké dans l'image, et quiconque la récupère le lit. Utilisez un secret BuildKit, ou passez-le à l'exécution.",
    'explain.arg.secret':
      "{name} ressemble à un secret : les arguments de build sont enregistrés dans l'historique de l'image. Utilisez `RUN --mount=type=secret`.",
    'explain.expose.note': "Le programme doit écouter sur 0.0.0.0 (pas 127.0.0.1) pour que le port publié l'atteigne.",
    'explain.healthcheck.shell': "Le contrôle lance un shell et un client dans le conteneur : les images distroless et scratch n'ont ni l'un ni l'autre.",
    'explain.maintainer.label': 'Dépréciée : écrivez plutôt LABEL org.opencontainers.image.authors="...".',
    'explain.onbuild.surprise':
      "Invisible tant que personne ne part de cette image, et ignorée par défaut par des outils OCI comme Podman : la plupart des équipes l'évitent.",
  },
});

export type FileMessageId = keyof typeof FILE_MESSAGES.catalog.en;
