import { startSandbox } from '@sellerchat/sandbox';
import { it } from 'vitest';
it('probe', async () => {
  const sb = await startSandbox({ port: 0, seed: 1, chats: 3 });
  for (const m of ['metro','yandex','ozon','storeden']) {
    console.log(m, JSON.stringify(sb.control.credentials(m)), JSON.stringify(sb.control.threads(m).slice(0,2)), JSON.stringify(sb.control.settings(m)));
  }
  await sb.close();
});
