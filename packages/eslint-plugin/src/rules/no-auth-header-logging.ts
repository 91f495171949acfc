// Placeholder: implemented under issue 4.
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'no-auth-header-logging',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow logging Authorization headers, tokens and objects that carry them', recommended: true },
    messages: { authHeaderLogged: '{{ what }}' },
    schema: [],
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
