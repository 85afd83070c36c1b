import { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { WebSocketServer } from 'ws';

/**
 * Caps the size of one graphql-ws frame. Nest creates the WebSocketServer itself without a maxPayload (ws then
 * accepts 100 MiB); ws reads the option at every upgrade, so setting it once after start-up applies to all.
 */
export function capWebSocketPayload(app: INestApplication, maxPayload: number): void {
  const adapter = app.get(GraphQLModule, { strict: false }).graphQlAdapter as unknown as {
    _subscriptionService?: { wss?: WebSocketServer; subTransWs?: WebSocketServer };
  };
  const service = adapter._subscriptionService;
  if (!service?.wss) throw new Error('graphql-ws server not found; cannot cap its frame size');
  service.wss.options.maxPayload = maxPayload;
  if (service.subTransWs) service.subTransWs.options.maxPayload = maxPayload;
}
