import { defineLanguage } from '../../core/language.js';
import { PYTHON_PROJECT, PYTHON_SERVICES } from './markers.js';
import { detectPython, isPythonProject } from './detect.js';
import { PYTHON_MESSAGES } from './messages.js';
import { planPython } from './plan.js';
import { pythonWorkspaceMembers } from './uv-workspace.js';
import type { PythonFacts, PythonPlan } from './types.js';

export const PYTHON = defineLanguage<PythonFacts, PythonPlan>({
  id: 'python',
  name: 'Python',
  markers: ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', '*.py'],
  project: PYTHON_PROJECT,
  services: PYTHON_SERVICES,
  looksLike: isPythonProject,
  detect: detectPython,
  plan: planPython,
  workspaceMembers: pythonWorkspaceMembers,
  mainChoices: () => [],
  messages: PYTHON_MESSAGES.catalog,
  // pip; Poetry and Pipenv through requests; uv, PDM (httpx) and Python's own ssl module.
  caVariables: ['PIP_CERT', 'REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE'],
});
