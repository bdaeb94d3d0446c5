import { defineLanguageMessages } from '../../../generators/core/explain/catalog.js';

export const SH_MESSAGES = defineLanguageMessages({
  en: {
    'summary.sh.build': 'checks {script} with sh -n ({image}); nothing here ships.',
    'reason.sh.slim': 'a shell script needs a shell',
    'stage.sh.build': '---- build: the script is checked for syntax before it ships ----',
    'ignore.sh': 'Logs the script wrote on the host.',
    'why.sh.check': 'sh -n reads the script without running it, so a syntax error fails the build, not the container.',
  },
  fr: {
    'summary.sh.build': 'vérifie {script} avec sh -n ({image}) ; rien ici ne part en production.',
    'reason.sh.slim': 'un script shell a besoin d’un shell',
    'stage.sh.build': '---- build : la syntaxe du script est vérifiée avant de partir ----',
    'ignore.sh': 'Les journaux que le script a écrits sur la machine.',
    'why.sh.check': 'sh -n lit le script sans le lancer : une erreur de syntaxe fait échouer le build, pas le conteneur.',
  },
});
