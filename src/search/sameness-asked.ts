import { asksYesOrNo } from './answer-cues.js';

/** "is fargate on EKS any different from fargate on ECS?", "is EKS fargate the same as ECS fargate", "does X differ from Y?" */
const SAMENESS_ASKED = /\bsame\s+(?:as|thing)\b|\bdiffer(?:s|ent)?\s+(?:from|than|to)\b|\bany\s+different\b/i;

/** Whether a yes/no question asks if two things are the same, which a passage comparing them answers outright. */
export function asksIfSame(question: string): boolean {
  return asksYesOrNo(question) && SAMENESS_ASKED.test(question);
}

/** "The same as for ECS Fargate-hosted worker nodes", "differs from", "unlike EC2", "identical to". */
const SAMENESS_STATED = /\bsame\s+as\b|\bdiffers?\s+from\b|\bdifferent\s+from\b|\bunlike\b|\bidentical\s+to\b/i;

/** Whether a passage says how one thing compares with another: a yes or no to a question of sameness. */
export function statesSameness(text: string): boolean {
  return SAMENESS_STATED.test(text);
}
