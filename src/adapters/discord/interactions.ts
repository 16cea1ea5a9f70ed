import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { asError } from '../../errors.js';
import { refusalOf } from '../../service/refusal.js';
import type { AskContext } from '../../types.js';
import { ASK_COMMAND, GAPS_COMMAND, PRIVATE_OPTION, QUESTION_OPTION } from './commands.js';
import { showGaps } from './gaps.js';
import { LIMITS } from './limits.js';
import { cutText } from '../../chat/truncate.js';
import { APOLOGY, renderHelp } from './render.js';
import { EXAMPLE_COUNT, NO_PINGS, answerPayload, settlesWithin, slashAsker, type AnswerDeps } from './reply.js';
import type { Conversation } from './thread-memory.js';

const SUGGESTIONS = 25;

/** Routes one interaction to its handler. Never throws. */
export async function handleInteraction(interaction: Interaction, deps: AnswerDeps): Promise<void> {
  const log = deps.logger.child({ interactionId: interaction.id, channelId: interaction.channelId });
  try {
    if (interaction.isAutocomplete() && interaction.commandName === ASK_COMMAND) await suggest(interaction, deps);
    else if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) await answerCommand(interaction, deps);
    else if (interaction.isChatInputCommand() && interaction.commandName === GAPS_COMMAND) await showGaps(interaction, deps);
    else if (interaction.isButton() && !(await deps.votes.handle(interaction))) {
      log.debug({ customId: interaction.customId }, 'ignored a button that is not ours');
    }
  } catch (error) {
    log.error({ err: asError(error) }, 'failed to handle a Discord interaction');
  }
}

async function suggest(interaction: AutocompleteInteraction, deps: AnswerDeps): Promise<void> {
  const typed = interaction.options.getFocused();
  const titles = deps.service.suggest(typed, SUGGESTIONS, { asker: slashAsker(interaction) });
  const seen = new Set<string>();
  const choices = [];
  for (const title of titles) {
    const value = cutText(title, LIMITS.choiceName);
    if (value === '' || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: value, value });
  }
  await interaction.respond(choices.slice(0, SUGGESTIONS));
}

/**
 * `/ask`: replies directly when the engine is quick, otherwise defers first (Discord drops an interaction that is
 * not acknowledged within 3 s) and edits the deferred reply. `private:true` keeps every message ephemeral.
 */
async function answerCommand(interaction: ChatInputCommandInteraction, deps: AnswerDeps): Promise<void> {
  const question = interaction.options.getString(QUESTION_OPTION, true).trim();
  const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  const log = deps.logger.child({ interactionId: interaction.id, channelId: interaction.channelId });
  const asker = slashAsker(interaction);
  if (question === '') {
    const content = deps.service.whereToAsk?.(asker) ?? renderHelp(deps.service.examples(EXAMPLE_COUNT, { asker }));
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  const channel = interaction.channel;
  const conversation: Conversation = {
    channelId: interaction.channelId ?? interaction.id,
    continuous: channel !== null && (channel.isThread() || channel.isDMBased()),
  };
  const previousQuestion = deps.memory.previousQuestion(conversation);
  const context: AskContext = previousQuestion === undefined ? { asker } : { previousQuestion, asker };
  try {
    const pending = deps.service.ask(question, context);
    if (!(await settlesWithin(pending, deps.deferAfterMs))) await interaction.deferReply({ flags });
    const answer = await pending;
    if (refusalOf(answer)) {
      const note = { content: answer.text, allowedMentions: NO_PINGS };
      if (!interaction.deferred) await interaction.reply({ ...note, flags: MessageFlags.Ephemeral });
      else {
        // A public deferral cannot turn private: remove it and send the note as an ephemeral follow-up.
        await interaction.deleteReply().catch((error: unknown) => log.debug({ err: asError(error) }, 'could not delete the deferred reply'));
        await interaction.followUp({ ...note, flags: MessageFlags.Ephemeral });
      }
      return;
    }
    deps.memory.remember(conversation, answer.question);
    const payload = answerPayload(answer, deps, true, asker);
    const messageId = interaction.deferred
      ? (await interaction.editReply(payload)).id
      : (await interaction.reply({ ...payload, flags, withResponse: true })).resource?.message?.id;
    if (messageId !== undefined) deps.votes.remember(messageId, answer);
    log.debug({ found: answer.found, citation: answer.citations[0]?.file ?? null, ephemeral }, 'answered /ask');
  } catch (error) {
    log.error({ err: asError(error) }, 'failed to answer /ask');
    const apology = { content: APOLOGY, allowedMentions: NO_PINGS };
    const sent = interaction.deferred
      ? interaction.editReply(apology)
      : interaction.replied
        ? interaction.followUp({ ...apology, flags: MessageFlags.Ephemeral })
        : interaction.reply({ ...apology, flags: MessageFlags.Ephemeral });
    await sent.catch((replyError: unknown) => log.error({ err: asError(replyError) }, 'could not send the apology either'));
  }
}
