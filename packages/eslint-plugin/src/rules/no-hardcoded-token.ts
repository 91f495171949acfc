// Placeholder: implemented under issue 3.
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'no-hardcoded-token',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow hardcoded Kernel API tokens and literal bearer credentials', recommended: true },
    messages: { hardcodedToken: '{{ what }}' },
    schema: [],
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
