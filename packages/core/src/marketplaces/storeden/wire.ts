/** Storeden's bare JSON shapes (no envelope), as the Messages API docs show them. */
export interface StoredenConversation {
  name?: string;
  with_id: number | string;
  last_message_at?: string;
  last_message_content?: string;
}

export interface StoredenMessage {
  from_id?: number | string;
  from_myself?: boolean;
  message?: string;
  send_date?: string;
  message_id: string;
  /** Datetimes, or "" for "not read yet". */
  read_by?: { myself_id?: string; with_id?: string };
}

export interface StoredenChatPage {
  messages?: StoredenMessage[];
  /** Absolute URL of the next (older) page; absent, null or empty on the last page (undocumented). */
  next_page?: string | null;
}

export interface StoredenSendResponse {
  message_id?: string;
}
