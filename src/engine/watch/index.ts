export { WatchService, type WatchRun, type WatchServiceOptions } from './watch-service.js';
export { defaultWatchTimings, type WatchTimings } from './folder-watcher.js';
export { archiveState, type ArchiveState } from './archive-state.js';
export { isCandidateName, isIgnoredName } from './names.js';
export {
  pollingReason,
  isNetworkFsType,
  isUncPath,
  mountOf,
  parseDarwinMount,
  parseProcMounts,
  type MountEntry,
  type PollingProbe,
} from './network.js';
export {
  expandWindowsEnv,
  oldWorldSaveFolderCandidates,
  oldWorldSteamAppId,
  parseRegQuery,
  readRegistryDocuments,
  suggestSaveFolders,
  systemSaveFolderSuggestions,
  type SuggestContext,
} from './suggest.js';
