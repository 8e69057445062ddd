/** The rule authors' guide page: docs/rule-authoring-guide.md and the generated reference, rendered. */
import { marked } from 'marked';
import guide from '../../docs/rule-authoring-guide.md?raw';
import reference from '../../docs/reference.md?raw';
import './guide.css';

const main = document.querySelector<HTMLElement>('[data-testid="guide"]')!;
// Both texts are ours, bundled at build time: rendering them as HTML is safe.
main.innerHTML = `${await marked.parse(guide)}<hr />${await marked.parse(reference)}`;
