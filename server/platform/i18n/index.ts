import { registerMessages } from './message.ts';
import { platformMessages } from './platform-messages.ts';

export * from './message.ts';
export { messageOf, platformMessage, platformMessages } from './platform-messages.ts';

registerMessages('platform', platformMessages);
