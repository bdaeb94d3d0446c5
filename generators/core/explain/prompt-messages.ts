import { defineMessages } from './catalog.js';

/** The questions an interactive run asks, in the language of `--explain`. */
export const PROMPT_MESSAGES = defineMessages({
  en: {
    'prompt.main': 'Which main package (Go) or program (C) should the image run?',
    'prompt.runtime': 'Runtime base for the final stage?',
    'prompt.runtime.scratch': 'scratch: nothing but your binary (smallest; no shell)',
    'prompt.runtime.distroless': 'distroless: CA roots, tzdata, users, no shell or package manager',
    'prompt.runtime.slim': 'slim: Debian with a shell and apt (largest; easiest to debug)',
    'prompt.port': 'Port the service listens on?',
    'prompt.port.invalid': 'a port from 1 to 65535',
    'prompt.templates': 'This project has its own templates ({folder}: {files}). They are code from the repository and can change any instruction. Use them?',
    'prompt.services': 'Services to generate (space toggles, enter confirms)',
  },
  fr: {
    'prompt.main': 'Quel package main (Go) ou programme (C) l’image doit-elle lancer ?',
    'prompt.runtime': 'Base de l’étape finale ?',
    'prompt.runtime.scratch': 'scratch : rien que votre binaire (la plus petite ; pas de shell)',
    'prompt.runtime.distroless': 'distroless : certificats racine, tzdata, utilisateurs, ni shell ni gestionnaire de paquets',
    'prompt.runtime.slim': 'slim : Debian avec un shell et apt (la plus grande ; la plus simple à déboguer)',
    'prompt.port': 'Port sur lequel le service écoute ?',
    'prompt.port.invalid': 'un port de 1 à 65535',
    'prompt.templates':
      'Ce projet a ses propres templates ({folder} : {files}). C’est du code du dépôt, qui peut changer n’importe quelle instruction. Les utiliser ?',
    'prompt.services': 'Services à générer (espace coche ou décoche, entrée valide)',
  },
});
