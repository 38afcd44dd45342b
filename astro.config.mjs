// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './src/site/search-index.ts';

/**
 * Sidebar of the whole site. Sections are plain objects so other parts of the project can add theirs
 * (the comparison pages add a `So sánh` group here, before `Dữ liệu`).
 */
export const sidebar = [
  { label: 'Văn bản', link: '/' },
  { label: 'Vai trò', link: '/vai-tro/' },
  { label: 'Tìm kiếm', link: '/tim-kiem/' },
  {
    label: 'So sánh',
    items: [
      { label: 'Tổng quan', link: '/so-sanh/' },
      { label: 'Theo chủ đề', link: '/so-sanh/chu-de/cuoc-hop/' },
      { label: 'Bảng câu hỏi', link: '/so-sanh/bang/' },
      { label: 'Hai văn bản tùy chọn', link: '/so-sanh/tu-chon/' },
    ],
  },
  { label: 'Dữ liệu', link: '/du-lieu/' },
  { label: 'Giới thiệu', link: '/gioi-thieu/' },
];

export default defineConfig({
  site: 'https://quyche.example',
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    resolve: {
      // Starlight's search imports the Pagefind UI when the page is idle; this stand-in creates it only when the
      // search dialog opens, so reading pages do not download it (src/site/pagefind-ui-lazy.ts).
      alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/site/pagefind-ui-lazy.ts', import.meta.url)) }],
    },
  },
  integrations: [
    withSearchIndexOfReadingPages(starlight({
      title: 'Quy chế Ban Chỉ đạo',
      description: 'Quy chế hoạt động của các Ban Chỉ đạo chính quyền điện tử, chuyển đổi số cấp tỉnh: đọc, tra cứu, trích dẫn, so sánh.',
      defaultLocale: 'root',
      locales: { root: { label: 'Tiếng Việt', lang: 'vi' } },
      sidebar,
      customCss: ['./src/styles/site.css'],
      pagefind: true,
      lastUpdated: false,
      pagination: false,
      credits: false,
    })),
    // Content-Security-Policy on every page, hashing the inline scripts it has: src/middleware.ts (src/lib/csp.ts)
  ],
});

/**
 * Starlight with its search UI (`pagefind: true`) but our own Pagefind run: Starlight's `astro:build:done`
 * hook only indexes the whole output with Pagefind, and reading every page of a large corpus to find the few
 * kinds that are searchable was ~13 % of the build (src/site/search-index.ts). The hook is replaced by the
 * same steps restricted to the searchable pages.
 * @param {import('astro').AstroIntegration} integration
 * @returns {import('astro').AstroIntegration}
 */
function withSearchIndexOfReadingPages(integration) {
  if (typeof integration.hooks['astro:build:done'] !== 'function') throw new Error('Starlight no longer has an astro:build:done hook: review src/site/search-index.ts');
  return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': ({ dir, logger }) => buildSearchIndex({ dir, logger: logger.fork('quyche:pagefind') }) } };
}
