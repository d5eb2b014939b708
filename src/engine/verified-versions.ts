// The versions of the real tools that the lab's outputs are checked against, byte for byte, by the
// conformance corpus (tests/conformance/README.md). The terminal's badge and the about page read
// them from here. They belong to the engine, not to a lab: every lab prints through the same code,
// and a version the corpus never ran (oc, or az 2.67) is not claimed.

export interface VerifiedTool {
  tool: string;
  /** The versions whose outputs the corpus holds, oldest first. */
  versions: string[];
  /** What was checked against which version, and where the references come from. */
  checked: string;
  /** When the corpus ran more than one version: which commands each checked, newest first. */
  uses?: Array<{ version: string; for: string }>;
}

export const VERIFIED_TOOLS: readonly VerifiedTool[] = [
  {
    tool: 'az',
    versions: ['2.45', '2.74'],
    checked: 'network, aro, monitor, vm, group and account commands against azure-cli 2.74 (Debian trixie); resource list, group exists, vm with -d (which needs an instance view the lab\'s ARM does not serve) and misspelled commands against azure-cli 2.45 (Debian bookworm), which today\'s az cannot answer offline',
    uses: [
      { version: '2.74', for: 'network, aro, monitor, vm, group, account' },
      { version: '2.45', for: 'resource list, vm with -d, misspelled commands' },
    ],
  },
  { tool: 'kubectl', versions: ['v1.32'], checked: 'kubectl client v1.32 (Debian) against an API server serving the lab\'s objects (oc prints through the same code, but no oc binary was run)' },
  { tool: 'curl', versions: ['7.88.1'], checked: 'curl 7.88.1 (Debian), with bind9 9.18\'s nslookup, dig and host, run as typed against the lab\'s app and DNS served at the lab\'s own addresses' },
  { tool: 'jq', versions: ['1.7.1'], checked: 'jq 1.7.1 (Debian trixie, as Ubuntu 24.04 and Azure Cloud Shell ship it; its --version says jq-1.7)' },
  { tool: 'bash', versions: ['5.2'], checked: 'bash 5.2 (Debian) and its printf, test and [ builtins, with GNU coreutils 9.1 (cat, ls, tr, cut, sort …), grep and GNU awk 5.2.1 (run as awk) for the text tools' },
];

/** The badge's words: tools that print structured output a reader compares, each with its versions,
 * and, for a tool checked against more than one, which commands each version checked. */
export function verifiedBadge(tools: readonly VerifiedTool[] = VERIFIED_TOOLS): string {
  const shown = tools.filter((t) => t.tool !== 'bash');
  const uses = (t: VerifiedTool) => (t.uses?.length ? ` (${t.uses.map((u) => `${u.version}: ${u.for}`).join('; ')})` : '');
  return `checked against ${shown.map((t) => `${t.tool} ${t.versions.join('/')}${uses(t)}`).join(' · ')}`;
}
