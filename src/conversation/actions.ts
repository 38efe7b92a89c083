/** What an agent's sentence does for the case. */
export type ActionKind = 'done' | 'instruction' | 'promise' | 'channel';

const DONE =
  /\b(?:i|we)(?:'ve| have)? (?:just |already |now |also )?(?:reset|refunded|issued|credited|sent|escalated|updated|changed|cancell?ed|processed|submitted|reported|forwarded|removed|added|unlocked|reactivated|replaced|rebooked|applied|waived|fixed|resolved|passed|shared|checked|confirmed|opened|created|raised|arranged|scheduled|contacted|looked into|flagged|restored|reissued|reversed|adjusted|located|found|reached out|notified|corrected|extended|upgraded|placed)\b|\b(?:has|have) been (?:refunded|reset|issued|credited|sent|escalated|updated|cancell?ed|processed|fixed|resolved|forwarded|reported|shared|passed)\b/i;
const PROMISE =
  /\b(?:i|we|someone|the team|our team|they)(?:'ll| will| are going to| would be happy to)\b|\byou(?:'ll| will|'d| should) (?:receive|get|hear|see)\b|\bwithin \d+\s*(?:hours?|days?|business days?)\b/i;
const CHANNEL =
  /\b(?:dm|d\.m\.|direct message|private message|send us a (?:dm|message|note)|reach (?:out|us)|contact (?:us|our|the)|give us a call|call us|chat with us|email us|follow us|visit (?:us|our))\b/i;
const INSTRUCTION =
  /^(?:please |pls |kindly |first,? |then,? |also,? )*(?:try|restart|reboot|reinstall|install|update|clear|log ?out|log ?in|sign ?out|sign ?in|turn|power|reset|check|make sure|go to|visit|navigate|open|contact|call|send|select|tap|click|delete|remove|uninstall|unpair|force|disable|enable|switch|connect|disconnect|follow|use|refer|head|keep|see|take a look)\b|\b(?:please|pls|kindly) (?:try|restart|reboot|reinstall|update|clear|log|sign|reset|check|make sure|go|visit|contact|call|send|follow|use|let us know|confirm|provide|share)\b|\b(?:have you tried|did you try|can you try|could you try|try (?:restarting|reinstalling|updating|clearing|resetting|logging|signing|turning))\b/i;

/** The kind of action an agent's sentence states, if any. */
export function actionKind(sentence: string): ActionKind | undefined {
  const s = sentence.replace(/[’‘]/g, "'");
  if (DONE.test(s)) return 'done';
  if (CHANNEL.test(s)) return 'channel';
  if (INSTRUCTION.test(s)) return 'instruction';
  if (PROMISE.test(s)) return 'promise';
  return undefined;
}

const SELF_HELP =
  /\b(?:i|we)(?:'ve| have)? (?:already |also |even )?(?:tried|restarted|rebooted|reinstalled|updated|reset|cleared|called|contacted|emailed|messaged|logged out|signed out|deleted|uninstalled|un-?paired|re-?paired|checked|followed|turned|switched|disabled|enabled|changed|submitted|filed|spoke|talked|chatted|visited|went)\b/i;

/** Whether a customer's sentence says what they already tried themselves. */
export function isSelfHelp(sentence: string): boolean {
  return SELF_HELP.test(sentence.replace(/[’‘]/g, "'"));
}

const RESOLVED =
  /\b(?:(?:that|it|this) (?:worked|works now|did it|fixed it|helped)|(?:all|it's|its|is) (?:sorted|fixed|resolved|working)(?: now)?|problem solved|issue (?:is )?resolved|got it (?:working|sorted|fixed)|works (?:now|again|fine)|working (?:now|again)|all good)\b/i;

/** Whether a customer's sentence says the problem is solved. */
export function saysResolved(sentence: string): boolean {
  return RESOLVED.test(sentence.replace(/[’‘]/g, "'"));
}
