// The room view: decodes pasted progress codes (./room.ts) and shows, per exercise, the attendees who solved it.
import { reportUnexpected } from '../errors.ts';
import { describeRoom, solvers, tally } from './room.ts';

export function mountRoomView(host: HTMLElement): void {
  const summary = host.querySelector<HTMLElement>('[data-room-summary]')!;
  host.querySelector('[data-room-count]')!.addEventListener('click', () => {
    let room;
    try {
      room = tally(host.querySelector<HTMLTextAreaElement>('[data-room-codes]')!.value);
    } catch (error) {
      summary.textContent = reportUnexpected('the room view could not count the codes', error);
      return;
    }
    summary.textContent = describeRoom(room);
    const list = host.querySelector('[data-room-errors]')!;
    list.replaceChildren(...room.errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })));
    for (const row of host.querySelectorAll<HTMLElement>('[data-room-exercise]')) {
      const who = solvers(room, row.dataset.roomExercise!);
      row.querySelector('[data-room-solved]')!.textContent = `${who.length} of ${room.attendees.length}`;
      row.querySelector('[data-room-names]')!.textContent = who.map((a) => a.label).join(', ');
    }
  });
}
