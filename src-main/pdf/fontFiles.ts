/**
 * The open CJK fonts the report is set in: four weights of two npm packages (Noto Serif SC for the 宋体
 * and 仿宋 roles, Noto Sans SC for 黑体; SIL Open Font License), by the name of the file the build copies
 * each to. The build copies just these (and the licences) into out/fonts, so that the packaged app carries
 * four fonts, not the packages' eighteen; from source they are read from node_modules.
 */
export const BUNDLED_FONT_FILES = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Bold.ttf': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'LICENSE-NotoSerifSC.txt': '@expo-google-fonts/noto-serif-sc/LICENSE_FONT',
  'LICENSE-NotoSansSC.txt': '@expo-google-fonts/noto-sans-sc/LICENSE_FONT',
} as const;

export type BundledFontFile = keyof typeof BUNDLED_FONT_FILES;

/** Where the build puts them, relative to the built main process (out/main/main.cjs). */
export const BUILT_FONTS_FOLDER = '../fonts/';
