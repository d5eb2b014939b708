// The commands of the lab terminal as `help` and Tab list them: each one's name, the module that
// runs it and its line for `help`. Plain data, so `help` lists every command without reaching the
// registry that loads them.

/** A command as the registry knows it before its module loads. `summary` is the one `help` prints
 * (tests/engine/registry.test.ts keeps it equal to the module's own). */
export interface CatalogueEntry {
  readonly name: string;
  readonly module: string;
  readonly summary: string;
}

export const commandCatalogue = [
  { name: 'echo', module: 'echo', summary: 'Print the arguments, separated by spaces (-n: no newline, -e: interpret escapes).' },
  { name: 'env', module: 'env', summary: 'Print the exported environment variables.' },
  { name: 'export', module: 'variables', summary: 'Mark variables for the environment of commands: export NAME[=VALUE]...' },
  { name: 'unset', module: 'variables', summary: 'Remove variables: unset NAME...' },
  { name: 'history', module: 'session', summary: 'Show the lines typed in this terminal (history -c clears them).' },
  { name: 'clear', module: 'session', summary: 'Clear the terminal screen.' },
  { name: 'help', module: 'session', summary: 'List the commands of this lab terminal (help NAME: one command).' },
  { name: 'true', module: 'session', summary: 'Do nothing, successfully.' },
  { name: 'false', module: 'session', summary: 'Do nothing, unsuccessfully.' },
  { name: 'pwd', module: 'session', summary: 'Print the working directory.' },
  { name: 'cd', module: 'cd', summary: 'Change the working directory (the lab has a small read-only tree: ~, /tmp, /usr, /etc…).' },
  { name: 'test', module: 'test', summary: 'Evaluate a condition: strings (= != -z -n), integers (-eq -lt …), files (-e -f -d); ! -a -o ( ).' },
  { name: '[', module: 'test', summary: 'Evaluate a condition, as test does; the last argument must be ].' },
  { name: 'printf', module: 'printf', summary: 'Print the arguments through a format: %s %d %x %f %b %q %c …, widths, precision, -v VAR.' },
  { name: 'refresh', module: 'session', summary: 'Live mode: forget the reads kept for this session, so the next commands ask Azure and the cluster again.' },
  { name: 'lab', module: 'lab', summary: 'The lab world you changed: lab status lists your changes, lab reset puts the lab back as it was loaded.' },
  { name: 'cat', module: 'cat', summary: 'Print files of the lab\'s read-only tree or the input (-n -b -s -A -E -T -v).' },
  { name: 'ls', module: 'ls', summary: 'List a directory of the lab\'s read-only tree (-a -A -l -1 -C -d -r -h).' },
  { name: 'tr', module: 'tr', summary: 'Translate, delete (-d) or squeeze (-s) characters of the input: ranges a-z, [:upper:] classes, -c complement.' },
  { name: 'awk', module: 'awk', summary: 'Scan lines and fields (GNU awk: \'{print $1}\', -F, -v, BEGIN/END, patterns, printf, arrays, sub/gsub/split …).' },
  { name: 'cut', module: 'cut', summary: 'Print selected fields (-d DELIM -f LIST) or characters (-c LIST) of each line.' },
  { name: 'grep', module: 'grep', summary: 'Print lines matching a pattern in files or the input (-i -v -c -n -b -E -F -o -w -x -q -l -L -A -B -C -m -e -f -r -H -h).' },
  { name: 'head', module: 'head-tail', summary: 'Print the first lines of the input (-n N).' },
  { name: 'tail', module: 'head-tail', summary: 'Print the last lines of the input (-n N, -n +N from line N).' },
  { name: 'wc', module: 'wc', summary: 'Count lines (-l), words (-w), characters (-m) and bytes (-c) of the input, or its longest line (-L).' },
  { name: 'sort', module: 'sort-uniq', summary: 'Sort lines (-r reverse, -n numeric, -u unique, -k F[,F] key, -t SEP, -b, -f, -z).' },
  { name: 'uniq', module: 'sort-uniq', summary: 'Collapse repeated adjacent lines (-c count, -d only repeated, -u only unique).' },
  { name: 'seq', module: 'seq', summary: 'Print numbers from FIRST (1) by INCREMENT (1) to LAST (-s SEP, -w equal widths).' },
  { name: 'tac', module: 'tac', summary: 'Print the lines of files or the input last first.' },
  { name: 'rev', module: 'rev', summary: 'Reverse the characters of each line of files or the input.' },
  { name: 'basename', module: 'basename-dirname', summary: 'Print a name without its directories (and a SUFFIX; -a, -s).' },
  { name: 'dirname', module: 'basename-dirname', summary: 'Print a name without its last component.' },
  { name: 'az', module: 'az', summary: "Azure CLI: read the lab's Azure resources (aro, network, vm, group, account) and load balancer metrics (monitor)." },
  { name: 'kubectl', module: 'kube', summary: 'Kubernetes command-line tool: get pods, services, nodes, endpoints...' },
  { name: 'oc', module: 'kube', summary: 'OpenShift command-line tool: kubectl plus projects and routes' },
  { name: 'curl', module: 'curl', summary: "Transfer URLs over HTTP from the reader's machine (-s -S -i -I -v -L -f -o -w -H -A -D -m …; curl --help lists them)." },
  { name: 'nslookup', module: 'nslookup', summary: "Ask the reader's DNS resolver for a name's records (-type=A|AAAA|CNAME|TXT|MX|NS|SOA|PTR|ANY) or an address's name." },
  { name: 'dig', module: 'dig', summary: "Ask the reader's DNS resolver one question and show its answer as dig does (+short, -x, @SERVER, TYPE)." },
  { name: 'host', module: 'host', summary: "Ask the reader's DNS resolver for a name's addresses or an address's name, in one sentence each (-t TYPE)." },
  { name: 'jq', module: 'jq', summary: 'Filter JSON (jq 1.7.1: -r, -c, -e, -s, -n, -R, -S, --arg, --argjson, --args; files of the lab; every builtin but modules, Bessel and gamma functions).' },
  { name: 'submit', module: 'submit', summary: "Check an exercise's answer: submit ID ANSWER (or submit ID after the command that prints it, or after changing the lab)." },
] as const satisfies readonly CatalogueEntry[];

/** The modules the registry loads, each named by the commands it runs. */
export type CommandModule = (typeof commandCatalogue)[number]['module'];
