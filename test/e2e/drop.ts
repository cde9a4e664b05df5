/** A real drag-and-drop sequence on the drop zone, with File objects named by the paths they stand for. */
import type { Page } from '@playwright/test';

export async function dropPaths(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('drop-zone').evaluate((zone, names) => {
    const data = new DataTransfer();
    for (const name of names) data.items.add(new File([''], name));
    const fire = (type: string) => zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    fire('dragenter');
    fire('dragover');
    fire('drop');
  }, paths);
}
