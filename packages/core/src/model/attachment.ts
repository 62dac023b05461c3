/**
 * A file on a message. `ref` is the marketplace's own handle (Metro fileId, Yandex url, Ozon
 * image url...) so the bytes can be fetched again after a signed `url` has expired.
 */
export interface Attachment {
  name: string;
  mimeType?: string;
  size?: number;
  url?: string;
  ref?: string;
}

/** A file the seller wants to send. */
export interface FileUpload {
  name: string;
  data: Uint8Array;
  mimeType?: string;
}
