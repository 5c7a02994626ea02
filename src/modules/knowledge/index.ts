export {
  cityToday,
  getArticleWithVersions,
  isCurrent,
  isExpired,
  listArticles,
  presentArticle,
} from './articles-query.ts';
export {
  applyArticleChange,
  createArticle,
  insertArticles,
  type ArticleFields,
  transitionArticle,
  updateArticle,
  type Article,
} from './articles-service.ts';
export { loadDictionary } from './dictionary.ts';
export { exportKbFile, type ExportFile } from './export-service.ts';
export { IMPORT_MAX_ROWS, KB_COLUMN_HEADERS, KB_FILE_FORMATS, type KbFileFormat } from './import-file.ts';
export { importKbFile, type ImportResult } from './import-service.ts';
export * from './model.ts';
export { completeNotice, linkNoticeArticles, noticeTimeliness, recordNotice } from './notices-service.ts';
export { registerNoticeRoutes } from './notices-routes.ts';
export { registerKnowledgeRoutes } from './routes.ts';
export { tidySearchIndex } from './search-index.ts';
export { searchArticles, type SearchAnswer, type SearchOptions, type SearchResult } from './search.ts';
export { snippetToText } from './snippet.ts';
export {
  addSynonymGroup,
  addTerm,
  listSynonyms,
  listTerms,
  removeSynonymGroup,
  reindexWithDictionary,
  removeTerm,
} from './terms-service.ts';
export {
  EVALUATION_DEPTH,
  EvaluationCases,
  evaluateSearch,
  summariseEvaluation,
  type EvaluationCase,
  type EvaluationReport,
} from './evaluate.ts';
export { listNotices } from './notices-service.ts';
