// Baton's own valence lexicon for customer-support language, written by hand (no third-party list).
// Valences run from -4 (very negative) to +4 (very positive). Words are matched on their normal
// form first, then on their lemma, so one entry usually covers its inflections.

const WORDS: [number, string][] = [
  [
    -4,
    'worst horrendous atrocious disgraceful disgusting abysmal appalling outrageous scam scammed fraud ' +
      'fraudulent thieves thief robbery wtf unacceptable inexcusable nightmare hate hated hating furious bullshit',
  ],
  [
    -3,
    'shambles runaround shit shitty greedy gouging hacked wth misleading painful horrible terrible awful pathetic ridiculous incompetent incompetence useless rude disgusted ' +
      'shameful shame disgrace joke clowns liars lying lied angry livid infuriating infuriated ' +
      'hell sucks suck sucked crap crappy garbage trash stranded disaster disastrous fail failed failing ' +
      'failure miserable ruined ruin unprofessional ignoring ignored ignore screwed nonsense bs ' +
      'lousy dreadful insulting insult ripoff rip-off stole stolen offensive offensively discrimination ' +
      'harassed mistreated disrespectful inconsiderate clueless laughable embarrassing shocking careless ' +
      'negligence negligent apathetic fiasco debacle mismanaged mismanagement hopeless pointless lies ' +
      'robbed ridiculously horribly outraged irritating irritated pissed asshole assholes idiot idiots moron ' +
      'morons stupid dumb cheated dishonest deceptive nasty hostile arrogant condescending unusable ' +
      'rubbish junk dissatisfied displeased',
  ],
  [
    -2,
    'chaos impossible rejected misinformation miscommunication inconvenience inconvenienced inconvenient disruption problematic sluggish overpriced unanswered unresolved stress stressful stressed anxious scared exhausted sigh argh grr yikes ouch countless pain mislead misled bad poor poorly worse disappointed disappointing disappointment frustrated frustrating frustration ' +
      'annoyed annoying annoyance upset unhappy sad sadly mad hassle ugh smh fed sick tired nobody ' +
      'broken lost missing delay delayed cancel canceled cancellation late stuck wasted waste ' +
      'unable unhelpful unresponsive complaint complain complained complaining problem problems ' +
      'wrong mess messed mistake error errors crash crashed crashes freezing frozen overcharged ' +
      'overbooked bumped denied refused refuse declined misplaced damaged dirty cold uncomfortable ' +
      'confusing confused worried worry concerned unfair fault never excuse excuses seriously ' +
      'hold waiting waited forever ages cramped stinks smells disconnected dropped penalty lame poop damper ' +
      'obsolete unfortunate unfortunately inappropriate choppy worthless unreliable regret sloppy ' +
      'grievance embarrassed shocked neglect neglected tedious bummed bummer disorganized unorganized ' +
      'untrained helpless exhausting disappoint terribly indifferent weak lie silly faulty defective damn ' +
      'dammit unbelievable absurd insane crazy unsatisfied abandoned lazy mediocre subpar inferior ' +
      'inadequate insufficient unsatisfactory cancelled mouldy moldy rotten stale',
  ],
  [
    -1,
    'transferred keeps constantly incorrect invalid false expired locked blocked hungry nervous incomplete bother bothered meh nope oops omg issue issues wait still again yet why fee fees charge charged charging diverted rebook rebooked ' +
      'refund refunds reschedule missed miss slow expensive difficult hard unclear nothing none ' +
      'anymore apparently supposedly supposed even hours minutes days weeks cant wont didnt doesnt ' +
      'lack lacking unavailable outage down glitch bug bugs lag laggy spam sorry pending finally apology complicated',
  ],
  [
    1,
    'fine fair decent sure hope hopefully interesting easy ready solved resolved fixed works ' +
      'working welcome safe safely comfortable correct thx ty clean reasonable',
  ],
  [
    2,
    'prompt promptly responsive sorted professional satisfied tasty props accommodating attentive caring patient generous upgraded exciting good nice thanks thank thankful grateful appreciate appreciated helpful helped quick quickly ' +
      'fast smooth friendly kind glad happy pleased enjoy enjoyed enjoying cool yay polite courteous ' +
      'pleasant sweet worth efficient reliable recommend luck lucky congrats congratulations proud ' +
      'beautiful fun favorite favourite impressed cheers luv thanx thanking ' +
      'sincerely entertaining loyal dependable compensate compensated relieved thrilled nicer tysm ' +
      'lifesaver gem comfy spacious yummy gorgeous stunning smoothly timely trustworthy affordable sympathetic',
  ],
  [
    3,
    'seamless exceptional phenomenal delicious lovely woohoo hooray bravo hero heroes rockstar legend excited great awesome amazing excellent fantastic wonderful love loved loving loves perfect brilliant ' +
      'superb outstanding incredible best kudos rock rocks stellar terrific delighted wow',
  ],
];

/** Word -> valence. */
export const LEXICON: ReadonlyMap<string, number> = new Map(
  WORDS.flatMap(([valence, list]) => list.split(/\s+/).map((word) => [word, valence] as [string, number])),
);

/** Multi-word expressions, matched on normal forms before single words; the longest match wins. */
export const PHRASES: ReadonlyArray<[string, number]> = [
  ['still waiting', -3],
  ['still not', -2.5],
  ['still no', -2.5],
  ['still have not', -3],
  ['waiting for', -1.5],
  ['on hold', -2.5],
  ['hours on hold', -3.5],
  ['third time', -3],
  ['3rd time', -3],
  ['second time', -2],
  ['fourth time', -3.5],
  ['once again', -2],
  ['yet again', -3],
  ['every time', -1.5],
  ['cancel my account', -3],
  ['close my account', -3],
  ['cancel my subscription', -2.5],
  ['no one', -2.5],
  ['no response', -3],
  ['no reply', -3],
  ['no answer', -2.5],
  ['no help', -3],
  ['no way', -1.5],
  ['not happy', -3],
  ['not impressed', -3],
  ['not good', -2.5],
  ['not acceptable', -3.5],
  ['not working', -2.5],
  ['not work', -2],
  ['does not work', -2.5],
  ['never again', -3.5],
  ['never received', -3],
  ['did not receive', -2.5],
  ['have not received', -3],
  ['customer service', 0],
  ['customer care', 0],
  ['how hard', -2.5],
  ['what is the point', -2.5],
  ['are you kidding', -3],
  ['you kidding', -3],
  ['come on', -2],
  ['get it together', -3],
  ['fix it', -1.5],
  ['let down', -2.5],
  ['thanks for nothing', -4],
  ['thank you for nothing', -4],
  ['thanks a lot', 2],
  ['thank you so much', 4],
  ['thanks so much', 4],
  ['thank you', 3],
  ['much appreciated', 3],
  ['well done', 3],
  ['shout out', 2.5],
  ['on time', 2],
  ['above and beyond', 4],
  ['made my day', 4],
  ['good job', 3],
  ['great job', 4],
  ['no problem', 1],
  ['no worries', 1],
  ['no issue', 1],
  ['no issues', 1],
  ['not bad', 1.5],
  ['not a problem', 1],
  ['can not wait', 2.5],
  ['look forward', 2],
  ['looking forward', 2],
  ['help me', -0.5],
  ['please help', -1],
  ['any update', -1],
  ['any updates', -1],
  ['want my money', -3],
  ['money back', -2],
  ['full refund', -2],
  ['not even', -1.5],
  ['speak to a manager', -2.5],
  ['speak to a supervisor', -2.5],
  ['talk to a manager', -2.5],
  ['kept me waiting', -3],
  ['keep waiting', -2.5],
  ['waste of time', -3.5],
  ['i am done', -2.5],
  ['how come', -1.5],
  ['multiple times', -2],
  ['several times', -1.5],
  ['many times', -1.5],
  ['top notch', 3],
  ['five stars', 3],
  ['5 stars', 3],
  ['supposed to', -1.5],
  ['should have', -1.5],
  ['how about', -1],
  ['what happened', -1.5],
  ['where is my', -2],
  ['i was told', -1.5],
  ['told me', -1],
  ['i paid', -1],
  ['paid for', -1],
  ['i need', -0.5],
  ['do better', -2.5],
  ['hang up', -2],
  ['hung up', -2.5],
  ['hangs up', -2.5],
  ['give up', -2],
  ['screw up', -3],
  ['screwed up', -3],
  ['messed up', -3],
  ['ripped off', -3.5],
  ['ripped me off', -3.5],
  ['would be nice', -1.5],
  ['never mind', 0],
  ['try again', 0],
  ['quick question', 0],
  ['quick update', 0],
  ['same thing', -1.5],
  ['same problem', -2],
  ['same issue', -2],
  ['same error', -2],
  ['no patience', -2.5],
  ['hanged up', -2.5],
  ['no longer', -2],
  ['please fix', -1.5],
  ['fix this', -1.5],
  ['sort this out', -1.5],
  ['take my business elsewhere', -3.5],
  ['switch to another', -2.5],
  ['switching to', -2],
  ['time to switch', -3],
  ['last time i', -2],
  ['would have been nice', -2.5],
  ['would be great if', -1],
  ['would have been great', -2],
  ['fed up', -3],
  ['could care less', -3],
  ['could not care less', -3],
  ['much to be desired', -3],
  ['makes no sense', -2.5],
  ['make no sense', -2.5],
  ['no sense', -2],
  ['not letting me', -2],
  ['not let me', -2],
  ['would not let', -2.5],
  ['will not let', -2],
  ['already explained', -2.5],
  ['already told', -2],
  ['every single time', -2.5],
  ['no customer service', -3.5],
  ['can not get through', -2.5],
  ['can not reach', -2.5],
  ['can not get ahold', -2.5],
  ['not pick up', -2],
  ['not picking up', -2],
  ['nobody answers', -3],
  ['no one answers', -3],
  ['not heard back', -2.5],
  ['never heard back', -3],
  ['no updates', -2.5],
  ['been waiting', -2.5],
  ['been on hold', -3],
  ['what is going on', -2],
  ['no idea', -1.5],
  ['no clue', -2],
  ['you lost', -3],
  ['lost my', -2.5],
];

/**
 * Words that tell what happened rather than how the customer feels about it ("charged", "delayed",
 * "refund"): "Is my flight cancelled?" asks about a problem without complaining; in a plain
 * question they count half.
 */
export const SITUATION: ReadonlySet<string> = new Set(
  (
    'delay delayed cancel canceled cancelled cancellation late lost missing stuck broken problem problems ' +
    'issue issues error errors wait waiting waited hold refund refunds fee fees charge charged charging ' +
    'rebook rebooked reschedule diverted transferred missed miss expired locked blocked pending unavailable ' +
    'outage down glitch bug bugs crash crashed crashes disconnected dropped hours minutes days weeks still ' +
    'again yet why even supposed incorrect invalid declined denied refused overcharged overbooked bumped ' +
    'damaged incomplete unable difficult hard unclear slow expensive cold nothing none anymore need'
  ).split(' '),
);

/** Words that flip the valence of the next few words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'without',
  'neither',
  'nor',
  'hardly',
  'barely',
  'nothing',
  'nobody',
  'none',
]);

/** Words that strengthen (> 1) or soften (< 1) the next word's valence. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.3],
  ['so', 1.3],
  ['really', 1.3],
  ['extremely', 1.5],
  ['incredibly', 1.5],
  ['absolutely', 1.5],
  ['totally', 1.4],
  ['completely', 1.4],
  ['utterly', 1.5],
  ['super', 1.3],
  ['most', 1.2],
  ['too', 1.2],
  ['beyond', 1.4],
  ['seriously', 1.3],
  ['truly', 1.3],
  ['such', 1.2],
  ['bit', 0.7],
  ['slightly', 0.6],
  ['somewhat', 0.7],
  ['kinda', 0.7],
  ['little', 0.7],
  ['fairly', 0.8],
]);

/** Emoji and emoticons, by their first code point (variation selectors stripped). */
export const EMOJI: ReadonlyMap<string, number> = new Map([
  ...[...'😀😃😄😁😊🙂😍🥰😘😎🤗☺👍👏🎉✨💯🙌💙💚💜💛❤💕💖💗😇🥳⭐🌟✌👌🙏😆😋'].map(
    (e) => [e, 2] as [string, number],
  ),
  ...[...'😡😠🤬😤👎💔😭😫😩😖😣🤮🤢💩'].map((e) => [e, -3] as [string, number]),
  ...[...'😞😔😢😒🙄😑😕🙁☹😓😪😬😱😧😦🤦😟😰😥🤷😐😶🙃😾'].map((e) => [e, -2] as [string, number]),
  ...[...'🤔😮😯'].map((e) => [e, -1] as [string, number]),
  [':)', 2],
  [':-)', 2],
  [':D', 2],
  [';)', 1.5],
  [';-)', 1.5],
  ['<3', 3],
  [':(', -2.5],
  [':-(', -2.5],
  [':/', -1.5],
  [':-/', -1.5],
  [":'(", -3],
  ['>:(', -3],
]);
