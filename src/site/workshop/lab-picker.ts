// The labs page's behaviour: show the lab in effect, choose a built-in one, load a file.
import { chooseLab, FILE_KEY, labChoice, type LabChoice } from '../labs/choice.ts';
import { forgetChanges } from '../labs/kept-changes.ts';
import { writeText } from '../storage.ts';

function describe(choice: LabChoice | undefined): string {
  if (!choice) return 'Every page uses its own lab (most use aro2).';
  if (choice.kind === 'builtin') return `Every page uses the built-in lab ${choice.name}.`;
  return `Every page uses the lab file ${choice.name} (${choice.title}).`;
}

export function mountLabPicker(host: HTMLElement): void {
  const current = host.querySelector<HTMLElement>('[data-lab-current]')!;
  const message = host.querySelector<HTMLElement>('[data-lab-message]')!;
  const refresh = () => (current.textContent = describe(labChoice()));
  const say = (text: string, ok: boolean) => {
    message.textContent = text;
    message.dataset.result = ok ? 'right' : 'wrong';
  };
  refresh();

  host.querySelector('[data-lab-reset]')!.addEventListener('click', () => {
    chooseLab(undefined);
    refresh();
    say("Back to each page's own lab.", true);
  });
  for (const button of host.querySelectorAll<HTMLButtonElement>('[data-lab-use]')) {
    button.addEventListener('click', () => {
      chooseLab({ kind: 'builtin', name: button.dataset.labUse! });
      refresh();
      say(`Every page now uses ${button.dataset.labUse}.`, true);
    });
  }

  // A file that fails validation changes nothing: the previous lab and all progress stay.
  async function load(file: File | undefined) {
    if (!file) return;
    say(`Checking ${file.name}…`, true);
    try {
      const { readLabFile } = await import('../labs/world.ts');
      const { lab, text } = await readLabFile(file);
      if (!writeText(FILE_KEY, text)) throw new Error(`${file.name}: this browser has no room to keep the file (storage is full or disabled); nothing was changed`);
      chooseLab({ kind: 'file', name: lab.info.name, title: lab.info.title });
      // Changes kept for an earlier file of the same name were made to that file, not to this one
      // (kept under the key labInEffect gives a loaded file).
      forgetChanges(`file:${lab.info.name}`);
      refresh();
      say(`Loaded ${lab.info.name} (${lab.info.title}): ${lab.arm.length} Azure resources and ${lab.kube.length} Kubernetes objects. Every terminal and exercise now uses it.`, true);
    } catch (error) {
      say(`${(error as Error).message}`, false);
    }
  }
  const input = host.querySelector<HTMLInputElement>('[data-lab-file]')!;
  input.addEventListener('change', () => void load(input.files?.[0]).then(() => (input.value = '')));
  const drop = host.querySelector<HTMLElement>('[data-lab-drop]')!;
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('workshop__drop--over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('workshop__drop--over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('workshop__drop--over');
    void load(e.dataTransfer?.files[0]);
  });
}
