import { defineMessages } from './catalog.js';
import type { Said } from './messages.js';

export type { Said };

/** What generating several services says: compose's wiring, bake, names, .env, folders left out. */
export const SERVICES_MESSAGES = defineMessages({
  en: {
    'services.port-moved': "{service} listens on {port}, which {holder} is published on: {service} is published on the host's {host} ({host}:{port}).",
    'services.backing': '{service} uses {kind} ({evidence}): {image} beside it, {wiring}.',
    'services.backing.password': '{service} uses {kind} ({evidence}): {image} beside it (user and database {user}, password {variable} from .env), {wiring}.',
    'services.wiring.guessed': 'as {name} (a default: the code reads no variable known for it; rename it in compose.yaml)',
    'services.wiring.read': 'as {names}, the names its code reads',
    'services.reaches': '{service} reaches {targets} through {wires}.',
    'services.no-health':
      '{service} has no health check (its runtime has no program to probe with; --probe compiles one in): `docker compose up --wait` waits for it to run, not to answer.',
    'services.skipped': '{dir} is not built: {why}.',
    'services.library': 'a package the others use ({reason})',
    'services.library.nothing': 'no start script, nothing listens',
    'services.probe.one':
      '{services}: a static health probe is compiled into the image (--compose turns it on, so that compose waits for it to answer); --no-probe leaves it out.',
    'services.probe.many':
      '{services}: a static health probe is compiled into the image (--compose turns it on, so that compose waits for them to answer); --no-probe leaves it out.',
    'services.compose.beside':
      'An existing compose file is left alone; the generated one is {file}: compare them, or run it with `docker compose -f {file} up`.',
    'services.bake.left-out': '{dir} is left out of docker-bake.hcl: {why}; rename the folder, or build {name} with compose.',
    'services.bake.git': 'bake reads a context named so as a Git repository, however it is written',
    'services.bake.nfc': "HCL rewrites every string to Unicode NFC, which makes this name another folder's",
    'services.renamed': '{dir} would be the service {name}, which {holder} already is: it is named {unique}.',
    'services.env.kept': '.env already sets {names}: used as it is.',
    'services.env.created':
      '.env holds generated passwords ({names}), readable by you alone (mode 0600); keep it out of git (.dockerignore files list .env too).',
    'services.env.appended': '.env lacked {names}: generated passwords were added at its end; nothing else in it changed, its mode included.',
  },
  fr: {
    'services.port-moved': '{service} écoute sur {port}, où {holder} est déjà publié : {service} est publié sur le port {host} de l’hôte ({host}:{port}).',
    'services.backing': '{service} utilise {kind} ({evidence}) : {image} à côté, {wiring}.',
    'services.backing.password':
      '{service} utilise {kind} ({evidence}) : {image} à côté (utilisateur et base {user}, mot de passe {variable} pris dans .env), {wiring}.',
    'services.wiring.guessed': 'sous le nom {name} (un défaut : le code ne lit aucune variable connue pour cela ; renommez-la dans compose.yaml)',
    'services.wiring.read': 'sous les noms {names}, ceux que lit son code',
    'services.reaches': '{service} joint {targets} par {wires}.',
    'services.no-health':
      '{service} n’a pas de health check (son image d’exécution n’a aucun programme pour sonder ; --probe en compile un) : `docker compose up --wait` attend qu’il tourne, pas qu’il réponde.',
    'services.skipped': '{dir} n’est pas construit : {why}.',
    'services.library': 'un paquet utilisé par les autres ({reason})',
    'services.library.nothing': 'pas de script start, rien n’écoute',
    'services.probe.one':
      '{services} : une sonde de santé statique est compilée dans l’image (--compose l’active, pour que compose attende sa réponse) ; --no-probe la retire.',
    'services.probe.many':
      '{services} : une sonde de santé statique est compilée dans les images (--compose l’active, pour que compose attende leur réponse) ; --no-probe la retire.',
    'services.compose.beside':
      'Le fichier compose existant n’est pas touché ; celui généré est {file} : comparez-les, ou lancez-le avec `docker compose -f {file} up`.',
    'services.bake.left-out': '{dir} est laissé hors de docker-bake.hcl : {why} ; renommez le dossier, ou construisez {name} avec compose.',
    'services.bake.git': 'bake lit un contexte ainsi nommé comme un dépôt Git, quelle que soit son écriture',
    'services.bake.nfc': 'HCL réécrit chaque chaîne en Unicode NFC, ce qui fait de ce nom celui d’un autre dossier',
    'services.renamed': '{dir} serait le service {name}, que {holder} est déjà : il est nommé {unique}.',
    'services.env.kept': '.env définit déjà {names} : utilisé tel quel.',
    'services.env.created':
      '.env contient des mots de passe générés ({names}), lisible par vous seul (mode 0600) ; gardez-le hors de git (les .dockerignore listent aussi .env).',
    'services.env.appended': 'il manquait {names} à .env : des mots de passe générés ont été ajoutés à la fin ; rien d’autre n’y a changé, son mode compris.',
  },
});

type Args = Parameters<typeof SERVICES_MESSAGES.text>[2];
type Id = Parameters<typeof SERVICES_MESSAGES.text>[1];

/** A services sentence to say later, in the run's language. */
export const saidLater =
  (id: Id, args?: Args): Said =>
  (locale) =>
    SERVICES_MESSAGES.text(locale, id, args);
