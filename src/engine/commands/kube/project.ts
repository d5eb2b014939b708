// `oc project [NAME]` and `oc projects` (openshift/oc pkg/cli/project, pkg/cli/projects): show or
// switch the session's current project, list the projects with the current one starred.
import type { KubeObject } from '../../world/types.ts';
import { DISPLAY_NAME_ANNOTATION } from '../../format/kube/printers/projects.ts';
import { listObjects, getObject, KubeError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError, reportError } from './cli.ts';
import { apiServerUrl } from './cluster.ts';
import { flagBool, parseFlags } from './flags.ts';
import { resolveResource } from '../../world/kube-resources.ts';

const shortFlag = [{ name: 'short', short: 'q', type: 'bool' as const }];

function resource(name: string) {
  const r = resolveResource(name);
  if (!r.ok) throw new Error(`unknown resource ${name}`);
  return r.resource;
}

/** ConfirmProjectAccess: the project, or else a namespace of that name. */
async function projectExists(cli: Cli, name: string): Promise<boolean> {
  for (const type of ['projects', 'namespaces']) {
    try {
      await getObject(cli.ctx.world, resource(type), '', name);
      return true;
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
    }
  }
  return false;
}

/** GetProjects: the project list, or the namespaces when projects cannot be listed. */
async function listProjects(cli: Cli): Promise<KubeObject[]> {
  try {
    return (await listObjects(cli.ctx.world, resource('projects'), undefined)).items;
  } catch (e) {
    if (!(e instanceof KubeError)) throw e;
    return (await listObjects(cli.ctx.world, resource('namespaces'), undefined)).items;
  }
}

function displayName(p: KubeObject): string {
  const annotations = p.metadata.annotations ?? {};
  return annotations[DISPLAY_NAME_ANNOTATION] || annotations.displayName || '';
}

/** DisplayNameForProject: "Display Name (name)" or just the name. */
function displayNameForProject(p: KubeObject): string {
  const d = displayName(p);
  return d && d !== p.metadata.name ? `${d} (${p.metadata.name})` : p.metadata.name;
}

export async function runProject(cli: Cli, argv: string[]): Promise<number> {
  try {
    const flags = parseFlags(argv, shortFlag);
    if (flagBool(flags, 'help')) {
      cli.out(PROJECT_HELP);
      return 0;
    }
    const short = flagBool(flags, 'short');
    if (flags.args.length > 1) throw plainError('Only one argument is supported (project name or context name).');
    const server = await apiServerUrl(cli.ctx.world);
    const current = cli.ctx.session.namespace;

    if (flags.args.length === 0) {
      if (!(await projectExists(cli, current))) {
        throw plainError(`you do not have rights to view project "${current}" specified in your config or the project doesn't exist`);
      }
      cli.out(short ? `${current}\n` : `Using project "${current}" on server "${server}".\n`);
      return 0;
    }

    const wanted = flags.args[0];
    if (!(await projectExists(cli, wanted))) {
      let msg = `A project named "${wanted}" does not exist on "${server}".`;
      const projects = await listProjects(cli);
      if (projects.length === 0) {
        msg += "\nYou are not a member of any projects. You can request a project to be created with the 'new-project' command.";
      } else if (projects.length === 1) {
        msg += `\nYou have one project on this server: ${displayNameForProject(projects[0])}`;
      } else {
        msg += '\nYour projects are:';
        for (const p of projects) msg += `\n* ${displayNameForProject(p)}`;
      }
      throw plainError(msg);
    }
    cli.ctx.session.namespace = wanted;
    if (short) cli.out(`${wanted}\n`);
    else if (current === wanted) cli.out(`Already on project "${current}" on server "${server}".\n`);
    else cli.out(`Now using project "${wanted}" on server "${server}".\n`);
    return 0;
  } catch (e) {
    return reportError(cli, e, 'project');
  }
}

export async function runProjects(cli: Cli, argv: string[]): Promise<number> {
  try {
    const flags = parseFlags(argv, shortFlag);
    if (flagBool(flags, 'help')) {
      cli.out(PROJECTS_HELP);
      return 0;
    }
    if (flags.args.length > 0) throw plainError('no arguments should be passed');
    const short = flagBool(flags, 'short');
    const server = await apiServerUrl(cli.ctx.world);
    const current = cli.ctx.session.namespace;
    const currentExists = await projectExists(cli, current);
    const projects = [...(await listProjects(cli))].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
    );

    let msg = '';
    if (projects.length === 0) {
      if (!short) msg += "You are not a member of any projects. You can request a project to be created with the 'new-project' command.";
    } else if (projects.length === 1) {
      msg += short ? projects[0].metadata.name : `You have one project on this server: "${displayNameForProject(projects[0])}".`;
    } else {
      if (!short) msg += `You have access to the following projects and can switch between them with '${cli.tool} project <projectname>':\n`;
      projects.forEach((p, i) => {
        const asterisk = currentExists && !short ? (p.metadata.name === current ? '  * ' : '    ') : '';
        const d = displayName(p);
        if (d && d !== p.metadata.name && !short) msg += `\n${asterisk}${p.metadata.name} - ${d}`;
        else msg += `${short && i === 0 ? '' : '\n'}${asterisk}${p.metadata.name}`;
      });
    }
    cli.out(msg + '\n');
    if (projects.length > 0 && !short) {
      if (!currentExists) return 1;
      cli.out(`\nUsing project "${current}" on server "${server}".\n`);
    }
    return 0;
  } catch (e) {
    return reportError(cli, e, 'projects');
  }
}

const PROJECT_HELP = `Switch to another project and make it the default in your configuration.

 If no project was specified on the command line, display information about the current active project. Since you can use this command to connect to projects on different servers, you will occasionally encounter projects of the same name on different servers. When switching to that project, a new local context will be created that will have a unique name - for instance, 'myapp-2'. If you have previously created a context with a different name than the project name, this command will accept that context name instead.

 For advanced configuration, or to manage the contents of your config file, use the 'config' command.

Examples:
  # Switch to the 'myapp' project
  oc project myapp
  
  # Display the project currently in use
  oc project

Options:
    -q, --short=false:
	If true, display only the project name

Usage:
  oc project [NAME] [options]

Use "oc options" for a list of global command-line options (applies to all commands).
`;

const PROJECTS_HELP = `Display information about the current active project and existing projects on the server.

 For advanced configuration, or to manage the contents of your config file, use the 'config' command.

Examples:
  # List all projects
  oc projects

Options:
    -q, --short=false:
	If true, display only the project names

Usage:
  oc projects [options]

Use "oc options" for a list of global command-line options (applies to all commands).
`;
