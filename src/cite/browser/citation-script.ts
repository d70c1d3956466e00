/**
 * Entry of the citation script the build bundles (`/citation.js`): the page's
 * small `cite.js` imports it the first time a reader opens a "Cite" control,
 * so no article page pays for citation-js until then.
 */
import styles from 'quote-archive:csl-styles';
import { formatQuoteCitations, registerCslStyles } from '../citation-formats.ts';

registerCslStyles(styles);

export { formatQuoteCitations };
