export { toBase64 } from './base64.js';
export { type ClockOffsetTracker, trackClockOffset } from './clock-offset.js';
export { type DownloadOptions, downloadFile } from './download.js';
export { tooManyPages } from './page-guard.js';
export {
  isAmbiguousFailure,
  isSameSellerMessage,
  SEND_ONCE_MARGIN_MS,
  type SendOnceOptions,
  sendOnce,
} from './send-once.js';
