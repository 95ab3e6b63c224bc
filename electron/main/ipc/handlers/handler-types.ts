import type { InvokeChannel } from '../../../../shared/ipc/channels';
import type { ChannelHandlers } from '../router';

/** The handlers of some channels; main-context joins the parts, and the compiler checks none is missing. */
export type HandlersFor<K extends InvokeChannel> = Pick<ChannelHandlers, K>;
