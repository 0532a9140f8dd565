import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFonts, windowsFonts } from './render';

describe('fonts', () => {
  it('ships the open CJK fonts in the npm dependencies', () => {
    const fonts = bundledFonts();
    expect(fonts.Song.normal).toMatch(/NotoSerifSC_400Regular\.ttf$/);
    expect(fonts.Song.bold).toMatch(/NotoSerifSC_700Bold\.ttf$/);
    expect(fonts.Hei.normal).toMatch(/NotoSansSC_400Regular\.ttf$/);
  });

  it('offers Windows’ 宋体, 仿宋 and 黑体 only when all three are there', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fonts-'));
    expect(windowsFonts(folder)).toBe(null);
    for (const file of ['simsun.ttc', 'simfang.ttf']) await writeFile(join(folder, file), '');
    expect(windowsFonts(folder)).toBe(null);
    await writeFile(join(folder, 'simhei.ttf'), '');
    expect(windowsFonts(folder)).toEqual({
      Song: { normal: [join(folder, 'simsun.ttc'), 'SimSun'], bold: [join(folder, 'simsun.ttc'), 'SimSun'] },
      FangSong: { normal: join(folder, 'simfang.ttf'), bold: join(folder, 'simfang.ttf') },
      Hei: { normal: join(folder, 'simhei.ttf'), bold: join(folder, 'simhei.ttf') },
    });
  });
});
