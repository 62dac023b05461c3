/**
 * Metro's JSON shapes as documented in the seeds (service-message-center openapi v1). Fields are
 * optional where a response may leave them out; mapping checks what it needs.
 */
export interface MetroEnvelope<T> {
  status?: string;
  message?: string;
  data?: T;
  metadata?: unknown;
}

export interface MetroListMetadata {
  limit?: number;
  offset?: number;
  total?: number;
}

export interface MetroPerson {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface MetroChat {
  id: string;
  status?: string;
  subject?: string | null;
  customSubject?: string | null;
  category?: {
    id?: number | string;
    locale?: string;
    name?: string;
    parent?: { id?: number | string; name?: string };
  };
  createdAt?: string;
  lastMessageAt?: string;
  isSeen?: boolean;
  unseenMessagesCount?: number;
  order?: { id?: string; orderNumber?: string; salesChannel?: string };
  buyer?: MetroPerson;
  seller?: { accounts?: MetroPerson[]; organization?: { id?: string; shopName?: string } };
}

export interface MetroAttachment {
  fileId?: string;
  fileType?: string;
  fileName?: string;
  downloadUrl?: string;
}

export interface MetroMessage {
  id: string;
  chatId?: string;
  senderId?: string;
  senderUserType?: string;
  receiverId?: string;
  content?: string;
  seenAt?: string | null;
  createdAt?: string;
  attachments?: MetroAttachment[];
}

export interface MetroUploadedFile {
  fileId: string;
  fileName: string;
  fileType: string;
}

export interface MetroCategory {
  id: number | string;
  key?: string;
  parentId?: number | string | null;
  translations?: Array<Record<string, string>>;
  children?: MetroCategory[];
}

export interface MetroSubject {
  id: number | string;
  subject: string;
  isCustom?: boolean;
  parentId?: number | string | null;
  children?: MetroSubject[];
}

export interface MetroSubjects {
  SELLER?: MetroSubject[];
  BUYER?: MetroSubject[];
}
