import type { Call } from '../call.js';
import { okResult, YandexHttpError } from '../errors.js';
import type { Order } from '../model.js';
import { jsonBody, optionalId } from '../request.js';

function requestedContext(body: Record<string, unknown>): { type: 'ORDER' | 'RETURN'; id: number } {
  const context = body.context;
  if (context === undefined || context === null) {
    // The deprecated form: {orderId}.
    const orderId = optionalId(body, 'orderId');
    if (orderId === undefined) {
      throw new YandexHttpError(
        400,
        'context is required: {"context": {"type": "ORDER" | "RETURN", "id": <id>}}',
      );
    }
    return { type: 'ORDER', id: orderId };
  }
  if (typeof context !== 'object' || Array.isArray(context)) {
    throw new YandexHttpError(400, 'context must be an object {type, id}');
  }
  const { type } = context as { type?: unknown };
  if (type === 'DIRECT') {
    throw new YandexHttpError(
      400,
      'context.type DIRECT cannot be created by the seller: only ORDER or RETURN',
    );
  }
  if (type !== 'ORDER' && type !== 'RETURN') {
    throw new YandexHttpError(400, 'context.type must be ORDER or RETURN');
  }
  const id = optionalId(context as Record<string, unknown>, 'id');
  if (id === undefined) throw new YandexHttpError(400, 'context.id is required (an integer >= 1)');
  return { type, id };
}

/** POST chats/new: ORDER or RETURN only, and idempotent: an existing context returns its chat. */
export function createChat({ req, businessId, store, ctx }: Call) {
  const { type, id } = requestedContext(jsonBody(req));
  const existing = store.chatForContext(businessId, type, id);
  if (existing) return okResult({ chatId: existing.chatId });
  const order: Order | undefined = type === 'ORDER' ? store.orders.get(id) : store.orderForReturn(id);
  if (!order || order.businessId !== businessId) {
    throw new YandexHttpError(
      404,
      `${type === 'ORDER' ? 'Order' : 'Return'} ${id} not found in businessId ${businessId}`,
    );
  }
  const chat = store.createChat({
    businessId,
    type: 'CHAT',
    context: {
      type,
      customer: order.customer,
      campaignId: order.campaignId,
      orderId: order.orderId,
      ...(type === 'RETURN' ? { returnId: id } : {}),
    },
    createdAt: ctx.now(),
  });
  return okResult({ chatId: chat.chatId });
}
