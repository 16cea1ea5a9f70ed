/** A question written as a line of its own in bold, the answer below it: "**How do I get access to prod?**". */
export const BOLD_QUESTION = /^\s*(?:[-*]\s+)?(?:\*\*|__)([^*_\n]+\?)\s*(?:\*\*|__)\s*$/;

/** A FAQ's question line, the question captured: "Q: Can I use GPUs for training?". */
export const Q_LINE = /^\s*(?:[-*]\s+)?(?:\*\*|__)?(?:Q|Question)\s*[:.)]\s*(?:\*\*|__)?\s*(.+\?)\s*$/i;

/** The label that opens a FAQ's question, however long the question runs: "Q:", "**Question.**". */
export const Q_LABEL = /^\s*(?:[-*]\s*)?(?:\*\*|__)?(?:Q|Question)\s*[:.)]/i;
