import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { sendOrApologize } from '../../chat/apology.js';
import { parseButtonId } from '../../chat/buttons.js';
import { visibilityOf } from '../../chat/conversation.js';
import { conversationOf, type Reply, type Turn, type Visibility } from '../../chat/turn.js';
import { asError } from '../../errors.js';
import { ASK_COMMAND, ASK_MENU, GAPS_COMMAND, PRIVATE_OPTION, QUESTION_OPTION } from './commands.js';
import { LIMITS } from './limits.js';
import { whenSlow } from '../../service/in-flight.js';
import { NO_PINGS, answerPayload, discordAsker, payloadOf, type AnswerDeps } from './reply.js';
import { questionFromDiscord } from './discord-text.js';

const SUGGESTIONS = 25;

type Answerable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** Routes one interaction to its handler. Never throws. */
export async function handleInteraction(interaction: Interaction, deps: AnswerDeps): Promise<void> {
  const log = deps.logger.child({ interactionId: interaction.id, channelId: interaction.channelId });
  try {
    const ask = (target: Answerable, turn: Turn) => answer(target, deps.conversation.reply(turn), visibilityOf(turn), deps);
    if (interaction.isAutocomplete() && interaction.commandName === ASK_COMMAND) await suggest(interaction, deps);
    else if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) await ask(interaction, askTurn(interaction));
    else if (interaction.isChatInputCommand() && interaction.commandName === GAPS_COMMAND) await ask(interaction, { asker: discordAsker('slash', interaction), text: 'gaps', visibility: 'private' });
    else if (interaction.isMessageContextMenuCommand() && interaction.commandName === ASK_MENU) {
      await ask(interaction, { asker: discordAsker('shortcut', interaction), text: interaction.targetMessage.content });
    } else if (interaction.isButton()) await button(interaction, deps);
  } catch (error) {
    log.error({ err: asError(error) }, 'failed to handle a Discord interaction');
  }
}

function askTurn(interaction: ChatInputCommandInteraction): Turn {
  const { channel } = interaction;
  return {
    asker: discordAsker('slash', interaction),
    text: questionFromDiscord(interaction.options.getString(QUESTION_OPTION, true), interaction.client.user.id),
    visibility: interaction.options.getBoolean(PRIVATE_OPTION) === true ? 'private' : 'public',
    ...conversationOf({ ...(channel?.isThread() && { thread: channel.id }), ...(channel?.isDMBased() && { direct: channel.id }) }),
  };
}

async function suggest(interaction: AutocompleteInteraction, deps: AnswerDeps): Promise<void> {
  const titles = deps.conversation.suggest(discordAsker('slash', interaction), interaction.options.getFocused(), SUGGESTIONS, LIMITS.choiceName);
  await interaction.respond(titles.map((title) => ({ name: title, value: title })));
}

/** Votes, and Share on a private answer: a new question in this channel, by the person who clicked, posted for everyone. */
async function button(interaction: ButtonInteraction, deps: AnswerDeps): Promise<void> {
  const clicked = parseButtonId(interaction.customId);
  const asker = discordAsker('button', interaction);
  if (clicked === undefined) return;
  if ('share' in clicked) return answer(interaction, deps.conversation.share(asker, clicked.share), 'public', deps);
  const { thanks, shown } = await deps.conversation.vote({ asker, ...clicked });
  // The answer shows its tally, as on Slack; one this process cannot find again gets a private thanks.
  if (shown) await interaction.update(answerPayload(shown, interaction.message.embeds.length > 0));
  else await interaction.reply({ content: thanks, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

/**
 * Replies directly when the engine is quick, otherwise defers first (Discord drops an interaction that is not
 * acknowledged within 3 s) and edits the deferred reply. A private reply is ephemeral.
 */
async function answer(interaction: Answerable, pending: Promise<Reply>, wanted: Visibility, deps: AnswerDeps): Promise<void> {
  const log = deps.logger.child({ interactionId: interaction.id, channelId: interaction.channelId });
  const reply = await whenSlow(pending, deps.deferAfterMs, () => interaction.deferReply(wanted === 'private' ? { flags: MessageFlags.Ephemeral } : {}));
  const apologize = (text: string) => {
    const apology = { content: text, allowedMentions: NO_PINGS };
    if (interaction.deferred) return interaction.editReply(apology);
    return interaction.replied ? interaction.followUp({ ...apology, flags: MessageFlags.Ephemeral }) : interaction.reply({ ...apology, flags: MessageFlags.Ephemeral });
  };
  await sendOrApologize(log, 'failed to answer a Discord interaction', apologize, async () => {
    if (reply.kind === 'silent') return void (interaction.deferred && (await interaction.deleteReply()));
    const payload = payloadOf(reply, deps, true);
    const ephemeral = reply.visibility === 'private';
    if (!interaction.deferred) await interaction.reply({ ...payload, ...(ephemeral && { flags: MessageFlags.Ephemeral }) });
    else if (ephemeral === (wanted === 'private')) await interaction.editReply(payload);
    else {
      // A public deferral cannot turn private: remove it and send the reply as an ephemeral follow-up.
      await interaction.deleteReply().catch((error: unknown) => log.debug({ err: asError(error) }, 'could not delete the deferred reply'));
      await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    }
  });
}
