"""consent: the people identified or tracked gave valid consent, or did not."""

from __future__ import annotations

from rag.facts.cues.base import DECLARED, DROP, ON_BEHALF, PEOPLE, WEAK, cue

__all__ = ["ADVERSE_SUBJECTS", "CUES"]

# Who is identified against their interest or without their knowledge (§2.1).
ADVERSE_SUBJECTS = (
    r"suspects?|suspected|wanted(?: (?:people|persons?|individuals?|list|suspects?|criminals?|fugitives?|men|women))?|"
    r"most wanted|fugitives?|absconders?|bail jumpers?|"
    # a skip traced, not a step skipped ("so they can skip the paperwork")
    r"(?<!to )(?<!can )(?<!could )(?<!they )(?<!you )(?<!we )(?<!and )skips?(?! (?:the|a|an|queues?|lines?|paperwork|forms?|steps?|ahead|past)\b)|"
    # ... but who skips a step they owe is caught breaking a rule: "people who skip the check-in"
    r"who (?:skip|skips|skipped|dodge|dodges|dodged|evade|evades|evaded) (?:the |a |an |their )?[\w']+|"
    r"(?:people|persons?|suspects?|those|detainees?) (?:are |being |get )?(?:brought in|booked|arrested|detained)|watch ?lists?|hot ?lists?|black ?lists?|blocklists?|"
    r"ban(?:ned)? lists?|do not (?:rent|serve|admit|hire|fly|sell|trespass|enter|board) lists?|no (?:fly|serve|entry|trespass) lists?|"
    r"(?:exclusion|barred|trespass) lists?|"
    # warrants and detainees named in Spanish or Portuguese
    r"(?:orden(?:es)?|ordem|ordens) (?:de )?(?:detenci[oó]n|aprehensi[oó]n|captura|arresto|pris[aã]o)|ordenes? vigentes?|orden vigente|"
    r"mandados? de pris[aã]o|causas pendientes|detenid[oa]s|pres[oa]s|sospechos[oa]s|procurad[oa]s|foragid[oa]s|banned (?:people|persons?|individuals?|customers?|shoppers?|visitors?|patrons?|fans?|guests?|"
    r"members?|players?|supporters?)|(?:people|persons?|individuals?|anyone|those|visitors?|customers?|fans?|supporters?) "
    r"(?:who (?:are|were|have been|had been) |)(?:banned|barred|excluded|blacklisted|trespassed)|"
    r"(?:people|persons?|anyone|those|visitors?|customers?) (?:the|that|whom|who) (?:[\w']+ ){0,2}?"
    r"(?:banned|barred|excluded|blacklisted|trespassed|86'd|86ed|eighty sixed)|"
    # "people we've 86'd", "anyone they've barred"
    r"(?:people|persons?|anyone|those|visitors?|customers?|guys?|punters?|patrons?) (?:we|they|i|you|management)(?:'ve| have| had|'d)? "
    r"(?:[\w']+ )?(?:banned|barred|excluded|blacklisted|trespassed|86'd|86ed|eighty sixed|kicked out|thrown out)|"
    # "someone keeps nicking parcels", "somebody has been keying cars"
    r"(?:someone|somebody|some guy|a guy|a man|a woman|a kid|kids|whoever|who|who's) (?:keeps|kept|has been|have been|is|was|were) "
    r"(?:nicking|stealing|pinching|swiping|robbing|breaking into|damaging|keying|vandali[sz]ing|smashing|dumping|"
    # "taking part", "following the rules" are no wrongdoing
    r"taking(?! (?:part|photos?|pictures?|classes|lessons|turns|notes))|"
    r"following(?! (?:the|our|your|their|all) (?:rules|instructions|guidance|steps|policy|procedures?|course))|"
    r"spray ?painting|tagging|leaving nasty|harassing|threatening)\b|"
    r"mug ?shots?(?: (?:databases?|galler(?:y|ies)|archives?|records?))?|"
    r"(?:databases?|galler(?:y|ies)|records?|lists?) of (?:prior |former |known )?(?:inmates|offenders|"
    r"criminals|prisoners|arrestees)|prior inmates|criminal records?|"
    r"(?:deportation |surveillance |investigation |removal )?targets|"
    r"(?:anyone|people|persons?|those|someone|drivers?|anglers?|fishers?|members?) (?:whose|with an?) (?:[\w']+ )?"
    r"(?:licen[cs]es?|permits?|visas?|passes|memberships?|accounts?) (?:is |are |was |were |has been |have been )?"
    r"(?:suspended|revoked|cancelled|canceled|withdrawn)|"
    r"wiretaps?|wire taps?|intercepts|intercepted (?:calls?|communications?|messages?|phones?)|"
    r"known (?:violent |problem |troublesome |abusive |aggressive |disruptive )?(?:patients|visitors|customers|"
    r"people|individuals|persons|patrons|fans|faces|suspects|troublemakers)|"
    r"arrestees?|arrested (?:people|persons?|individuals?|suspects?)|detained (?:people|persons?|individuals?|men|women)|"
    r"detainees?|(?:people|persons?|individuals?|those|everyone|someone|anyone) (?:being )?(?:booked|arrested|detained)|"
    r"(?:people|persons?|those|anyone|someone|men|women|suspects?)(?: who(?:'ve| have| has| had)? been| being)? "
    r"(?:brought|taken|pulled|hauled) in for questioning|(?:held|detained) for questioning|"
    # people the police stop, search or pull over: "the faces of people they stop at checkpoints"
    r"(?:people|persons?|anyone|those|drivers?|motorists?|individuals?|travell?ers?|men|women|youths?) (?:that |who |whom )?"
    r"(?:they|we|(?:the |our )?(?:officers|police|patrols?|troopers|deputies|agents|cops)) (?:stop|stops|stopped|pull over|pulls over|pulled over|"
    r"frisk|frisks|frisked|search|searches|searched|detain|detains|detained)\b|"
    r"(?:people|persons?|anyone|drivers?|motorists?|travell?ers?) (?:being )?(?:stopped|pulled over|frisked) (?:at|by|on|during)\b|"
    r"persons? of interest|people of interest|(?:tied to|linked to|in|part of) (?:an? |the )?open "
    r"(?:case|investigation)s?|under investigation|targets? of (?:an?|the) investigation|(?:arrest|outstanding|open|active|bench) (?:warrants?|orders?)|"
    r"warrants? (?:out|outstanding)|criminals?|(?:sex |repeat |known |violent |prior )?offenders?|"
    r"offender regist(?:er|ry)|(?:persons?|people) (?:who are )?searched(?: for)?|searched persons|fraudsters?|scammers?|fraud suspects?|skips?(?= (?:i'm|we're|i am|we are|they're) after)|bail (?:jumpers?|skippers?)|"
    r"booking (?:photos?|pictures?|images?|shots?)|shoplifters?|thieves|thief|pickpockets?|gang members?|gangs?|trespassers?|"
    r"intruders?|fare (?:evaders?|dodgers?)|rioters?|looters?|vandals?|perpetrators?|culprits?|robbers?|"
    r"burglars?|troublemakers?|people (?:causing|making) trouble|rule ?breakers?|"
    # Who acts against the operator, by what they do: "two men who made threats against our
    # congregation", "owners who are hiding their cars from us".
    r"[\w']+ (?:who|that) (?:have |has |had )?(?:made|make|makes|sent|send|sends) (?:[\w']+ )?(?:threats|death threats)|"
    r"[\w']+ (?:who|that) (?:are |were |have been |has been |keep |kept )?(?:hiding|evading|dodging|running from) "
    r"(?:their |the |us\b|from|police|payment|paying)|"
    # people caught breaking a rule, by what they do: "people dumping rubbish illegally"
    rf"(?:{PEOPLE}|those|youths?) (?:who've |who have |who had |that have |who )?(?:ever |once |previously |already )?"
    r"(?:shoplifted|stolen|stole|vandali[sz]ed|dumped|littered|trespassed|cheated|damaged|assaulted|attacked|"
    r"threatened|abused|harassed|punched|robbed|defrauded|scammed|stalked|groped)\b|"
    rf"(?:{PEOPLE}|those|youths?) (?:(?:who |that )(?:are |were |keep |is |was )?|(?:are |were |keep |is |was )|caught |seen )?"
    r"(?:dumping|littering|fly ?tipping|stealing|vandali[sz]ing|spraying|tagging|graffitiing|speeding|jaywalking|"
    r"cheating|shoplifting|loitering|trespassing|fighting|poaching|smuggling|tailgating|fare dodging|"
    r"dump|dumped|litter|littered|steal|stole|vandali[sz]e|vandali[sz]ed|cheat|cheated|trespass|trespassed|"
    r"kick|kicked|damage|damaged|break|broke|breaking|tailgate|tailgates|tailgated|sneak|sneaks|sneaked|snuck)\b(?= [\w'])|"
    rf"(?:{PEOPLE}|those) (?:[\w']+ ){{0,4}}?(?:illegally|unlawfully)\b|"
    # "whoever pulled the fire alarm", "the kid who keyed my car"
    r"(?:whoever|the (?:person|people|guy|man|woman|kid|student|driver)s? (?:who|that)) (?:pulled|set off|started|broke|"
    r"stole|smashed|vandali[sz]ed|spray ?painted|dumped|keyed|shoplifted|assaulted|attacked|threw|damaged|cut|"
    r"robbed|burgled|tagged|hit|left (?:a |an |the )?(?:bag|package|parcel|suitcase|backpack|rucksack|box|device) "
    r"(?:unattended|behind)|dumped|abandoned)\b|"
    r"litterers?|fly ?tippers?|poachers?|smugglers?|fare evaders?|"
    r"crowds?|passers? ?by|passersby|bystanders?|pedestrians?|protesters?|protestors?|demonstrators?|"
    r"spectators?|parade ?goers|festival ?goers|carnival ?goers|onlookers?|"
    r"(?:guy|man|woman|person|people|crew|gang|someone|kid|thief) (?:who's|who has|who have|that has|that's) (?:hit|robbed|burgled|targeted|"
    r"stolen from|ripped off|scammed) (?:[\w']+ )?(?:of )?(?:our|my|the) (?:stores?|shops?|branches|locations|sites|outlets)|"
    # everyone else checked along with the enrolled: "check everyone else in line"
    r"(?<=check )(?:everyone|everybody|all|anyone) (?:else|in (?:the )?(?:line|queue))|"
    r"(?<=scan )(?:everyone|everybody|all|anyone) (?:else|in (?:the )?(?:line|queue))|"
    r"(?<=match )(?:everyone|everybody|all|anyone) (?:else|in (?:the )?(?:line|queue))|"
    # one person banned or barred: "he's banned", "a barred chap"
    r"(?:he|she|they)(?:'s| is| are|'re| was| were| has been| have been| got| gets) (?:been )?(?:now )?"
    r"(?:banned|barred|blacklisted|excluded|trespassed)\b|"
    rf"(?:banned|barred|blacklisted|excluded|trespassed) (?!lists?\b)(?:{PEOPLE})|"
    r"members of the public|the general public|(?:everyone|everybody|anyone|anybody|people|whoever) "
    r"(?:who |that )?(?:walks?|walking|passes|passing|goes|going|comes|coming) (?:by|past|through|in|into)"
    r"(?! (?:our|the|its) (?:office |front |main |site |staff )?(?:doors?|gates?|turnstiles?|entrances?|lobby))"
)

_MODS = (
    r"(?:(?:their|his|her|its|the|prior|explicit|express|valid|informed|written|full|signed|"
    r"verbal|documented|clear|affirmative|freely given|all|appropriate|proper|"
    r"[a-z]+'s|[a-z]+s') )"  # anyone's: "the students' consent", "each patient's consent"
)

CUES = [
    # Bare "consent"/"permission" says something only when negated ("no consent").
    # Not asked *yet* is a step still to come, not a refusal ("we haven't collected consent yet").
    cue("consent", None, r"\bconsent\b|\bpermission\b|\bagreement\b", negated="no",
        skip=r"\b(?:haven't|have not|hasn't|has not|not) (?:yet )?(?:collected|obtained|gathered|asked for|sought|got|"
             r"gotten|secured|requested|sorted out) (?:[\w']+ )?(?:consent|permission|agreement) yet\b"),
    cue("consent", "yes", rf"\bwith {_MODS}{{0,3}}(?:consent|permission|agreement|approval)\b"),
    cue("consent", "yes", r"\bconsent(?:ed|s|ing)\b|\bconsent(?:ed|s)? to\b"),
    cue(
        "consent",
        "yes",
        rf"\b(?:{PEOPLE}|they|who|we|he|she) (?:all |each |both |have |had |must |will |do )?(?:consent|agree)\b|"
        r"\bwho (?:(?!not\b|never\b|don't\b|didn't\b|won't\b)[\w']+ ){0,4}?(?:consent|agree)\b|"
        r"\bagree(?:d|s|ing)? to (?:be|have|being|having|the|their|it|this|that)\b|"
        r"\bsign(?:s|ed|ing)? (?:a |an |the |their )?(?:[\w']+ )?(?:written )?(?:consent forms?|agreements?|waivers?|releases?|authori[sz]ations?)\b|"
        rf"\b(?:who|they|{PEOPLE}) (?:have |had )?(?:voluntarily )?(?:enrolled|registered|signed up)\b"
        r"(?! (?:with|in|as) (?:the |a |our |their )?(?:base|database|db|system|registry|register|list|records?|causas?|files?|sex)\b)"
        # "the caregivers they registered": registered by someone else.
        r"(?<![a-z] they registered)(?<![a-z] they enrolled)(?<![a-z] we registered)(?<![a-z] we enrolled)|"
        r"\b(?:the |their |this |that )?consent is (?:valid|given|obtained|informed|freely given)\b",
    ),
    cue(
        "consent",
        "yes",
        rf"\b(?:gave|give|gives|given|giving|grant(?:s|ed|ing)?|provided?|obtain(?:s|ed|ing)?|secured?|"
        rf"got) "
        rf"{_MODS}{{0,3}}(?:consent|permission)\b",
    ),
    cue(
        "consent",
        "yes",
        r"\bconsent (?:was|is|has been|had been|were|have been) (?:given|obtained|granted|collected|provided|secured)\b",
    ),
    cue("consent", "yes", r"\bopt(?:s|ed|ing)? ?in(?:to)?\b|\bopted in\b"),
    cue(
        "consent",
        "yes",
        rf"\b(?:who|they|all|{PEOPLE}|volunteers|everyone) (?:have |had |all |each |both )?"
        r"(?:agreed|agree|signed up|volunteered|enrolled voluntarily)\b|"
        # "all 4 of us signed up", "all of them said yes and did the face enrolment themselves",
        # "they knew about it and agreed".
        rf"\b(?:{PEOPLE}|who|they)(?: (?!not\b|never\b)[\w']+){{0,4}}? (?:have |had )?volunteered to (?:enrol\w*|register|sign up|take part|join|be (?:scanned|identified))\b|"
        r"\b(?:all|both|each|every one) (?:\d+ |two |three |four |five )?of (?:us|them) (?:have |had )?(?:signed up|agreed|"
        r"enrolled|opted in|consented|said yes)\b|"
        r"\b(?:did|do|does|completed?|finished) (?:the |their )?(?:face )?(?:enrol(?:l)?ment|registration|sign ?up) themselves\b|"
        r"\b(?:knew|know|knows|were told|are told|was told) (?:about (?:it|this|that) )?and (?:all )?(?:agreed|agree|consented|"
        r"said yes|opted in)\b",
    ),
    # The people enrol themselves, or choose it with another way kept open: "nurses who've
    # enrolled their face", "each household member adds themselves", "only runners who upload
    # get searched for", "they accept on screen first and can go to the counter instead".
    cue(
        "consent",
        "yes",
        r"\b(?:who've|they've) (?:all )?(?:voluntarily )?(?:enrolled|registered|signed up|opted in|agreed|consented)\b|"
        rf"\b(?:{PEOPLE})(?: [\w']+){{1,4}}? and (?:all |each )?(?:agreed|consented|signed up|opted in)\b|"
        # "customers enroll their voiceprint when they open an account" (not "must enrol")
        rf"\b(?:{PEOPLE}|they) (?:can |may |choose to |first |each |themselves )?(?:enrol|enroll|enrols|enrolls|register|registers) "
        r"(?:their|themselves|with|in|through|via|on)\b|"
        rf"\b(?:anyone|anybody|those|everyone|(?<!client )(?<!clients ){PEOPLE}) who (?:want|wants|chooses?|choose) "
        r"(?:it|to|this|in)\b|"
        rf"\bonly (?:the )?(?:{PEOPLE}|those|ones) who (?:upload|enrol|enroll|opt|sign|register|switch|turn|choose|add|agree|ask|join)\w*\b|"
        # "only match the ones still enrolled"
        rf"\bonly (?:match|matches|matching|check|checks|scan|scans|identify|identifies|recogni[sz]e\w*) (?:the ones|those|"
        rf"{PEOPLE}) (?:who are |who're |that are )?(?:still )?(?:enrolled|registered|signed up|opted in)\b|"
        r"\b(?:adds?|added|adding|enrol(?:l)?s?|enrolled|registers?|registered) (?:themselves|himself|herself|yourself|yourselves)\b|"
        rf"\b(?:{PEOPLE}|they|who) (?:first )?accept(?:s|ed)? (?:[\w']+ ){{0,2}}?(?:on (?:the )?screen|the terms|first|in the app|"
        r"on the kiosk|the prompt)\b|"
        rf"\b(?:{PEOPLE}|they|he|she)(?: (?!who\b)[\w']+){{0,5}}? (?:can|may|could) (?:always )?(?:go|use|ask for|opt for|choose|stick with|keep using) "
        r"(?:to )?(?:the |a |an |their )?(?:[\w']+ ){0,2}?(?:counter|desk|staff|agent|officer|lane|line|queue|manual\w*|cards?|"
        r"badges?|keypad|pins?|key ?fobs?|checks?|inspections?|process|route|option) instead\b|"
        r"\b(?:everyone|everybody|all the) (?:else|others) (?:keeps?|can keep|continues?|can continue|uses?|can use|sticks? with) "
        r"(?:using )?(?:their |the |a )?(?:cards?|badges?|keypads?|pins?|key ?fobs?|keys?|tickets?|ids?)\b|"
        r"\bwho (?:switch|switches|turn|turns) it on\b|"
        # "subscribers can pick 'face entry' instead of a barcode", "... and can delete it whenever"
        rf"\b(?:{PEOPLE}|they|he|she) (?:can|may|could) (?:choose|pick|opt for|select|switch to|ask for)\b(?: [\w']+){{0,4}}? instead of\b|"
        rf"\b(?:{PEOPLE}|they|he|she) (?:can|may) (?:[\w']+ ){{0,2}}?(?:delete|remove|withdraw|erase) (?:it|them|(?:their|the) (?:[\w']+ ){{0,2}}?[\w']+) "
        r"(?:whenever|any ?time|at any time|when they (?:want|like))\b|"
        # "the photo is only taken if they say yes"
        rf"\bonly (?:[\w']+ ){{0,5}}?if (?:they|he|she|the person|people|{PEOPLE}) (?:say yes|agree|consent|opt in|accept)\b",
    ),
    # "volunteers" alone are usually who runs it ("volunteers stand at the terminals").
    cue("consent", "yes", r"\bvoluntar(?:y|ily)\b", strength=WEAK),
    cue(
        "consent",
        "no",
        r"\bwithout (?:[\w']+ ){0,2}?(?:telling|asking|informing|notifying|notice|notification|warning|"
        r"knowing(?! (?:(?:their|his|her|the person's|anyone's|people's|its|the) )?(?:names?|identit(?:y|ies)|who))|"
        r"knowledge|awareness|letting|disclosure|disclosing|agreeing|consenting|agreement|"
        r"approval|opting in)\b",
    ),
    cue(
        "consent",
        "no",
        r"\bcovert(?:ly)?\b|\bsecret(?:ly)?\b(?! service)|\bsurreptitious(?:ly)?\b|\bhidden cameras?\b|"
        r"\bclandestine(?:ly)?\b|\bunbeknownst\b|\bbehind (?:their|his|her|people's) backs?\b|"
        r"\bnon ?consensual(?:ly)?\b|\binvoluntar(?:y|ily)\b|\bagainst (?:their|his|her) will\b|"
        r"\bunaware\b|\bunknowingly\b|\bunconsented\b|"
        r"\b(?:aren't|are not|weren't|were not|isn't|is not|wasn't|was not|never|not|nobody|no one|none|"
        r"neither|nor|won't|will not|wouldn't|would not|don't|doesn't|didn't|can't)"
        r"(?: [\w']+){0,4}? (?:told|informed|notified|asked|consulted|warned)\b|"
        r"\b(?:won't|will not|wouldn't|would not|don't|do not|doesn't|does not|didn't|did not|"
        r"dont|wont|didnt|doesnt|never) (?:(?:plan|intend|want|mean|need|have|bother|going|expect)s? to |"
        r"be |really )?(?:tell|telling|inform|informing|notify|notifying|ask|asking|warn|warning|consult)\b|"
        r"\bsigns? (?:are|is) not posted\b|\bno (?:signs?|notice|notices) (?:are |is )?posted\b|"
        rf"\b(?:{PEOPLE}|they|who|he|she) (?:obviously |clearly |certainly )?(?:didn't|didnt|did not|don't|dont|do not|never|"
        r"have not|haven't|has not|hasn't|had not|hadn't|"
        r"won't|wouldn't|would not|will not) (?:agree|agreed|consent|consented|opt in|opted in)\b|"
        r"\bconsent\w*,? but (?:[\w'-]+ ){0,8}?(?:did not|didn't|have not|haven't|do not|don't|does not|doesn't|"
        r"were not|weren't|was not|wasn't)\b",
    ),
    cue(
        "consent",
        "no",
        rf"\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|withdr(?:ew|awn|aw|aws)|revok(?:e|es|ed|ing)) "
        rf"{_MODS}{{0,3}}(?:consent|permission)\b|\bopt(?:s|ed|ing)? out\b|"
        r"\bconsent (?:was|is|has|had|were|have)(?: not|n't| never) (?:been )?(?:given|obtained|granted|"
        r"collected|provided|secured|sought|asked for|requested)\b|"
        r"\b(?!i\b|we\b|you\b|honestly\b|really\b|just\b|truly\b|frankly\b|genuinely\b|still\b)[\w']+ (?:don't|dont|do not|won't|will not|didn't|didnt|did not|wouldn't|would not|"
        r"couldn't|could not|never|doesn't|doesnt|does not) (?:even )?(?:know|realize|realise|notice|find out)\b",
    ),
    # People kept in the dark, however worded: "we're not planning to tell members", "we
    # haven't said a word to candidates", "wasn't going to mention it to them", "deploy
    # without notice".
    cue(
        "consent",
        "no",
        r"\b(?:not|never|no plans?|wasn't|weren't|isn't|aren't|am not|are not|was not|were not) (?:planning|going|intending|"
        r"meaning|about|supposed) to (?:tell|inform|notify|mention|warn|ask|disclose|announce|advertise|publici[sz]e)\b|"
        # "let's not announce it to parents yet", "keep it low-key", "keep it quiet for now"
        r"\blet'?s not (?:tell|inform|notify|announce|mention|advertise|publici[sz]e|disclose|publish)\b|"
        r"\bkeep (?:it|this|the (?:[\w']+ )?(?:project|pilot|system|trial|rollout|whole thing)) (?:low ?key|quiet|under wraps|"
        r"hush ?hush|on the down ?low|secret|confidential from (?:them|the [\w']+))\b|"
        r"\b(?:haven't|have not|hasn't|has not|won't|will not|didn't|did not|don't|do not) (?:yet )?(?:said|say|breathed|breathe) "
        r"(?:a word|anything)\b|"
        r"\bwithout (?:any |prior |advance )?(?:notice|notification|notifying|informing|warning)\b(?! periods?\b)(?: (?:to |of )?(?:them|anyone|people|"
        r"staff|employees|workers|members|customers|users|drivers|candidates|students|the (?:[\w']+ )?(?:staff|employees|workers|"
        r"members|customers|users|drivers|candidates|students)))?",
        negated=DROP,
    ),
    # A refusal to join: "one crew refuses to be enrolled", "some declined to sign up".
    cue(
        "consent",
        "no",
        r"\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)) (?:to )?(?:be |get )?(?:enrol\w*|sign(?:ed)? up|opt(?:ed)? in|"
        r"register\w*|agree\w*|consent\w*|take part|participate|scanned|photographed|included)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # People who could not say yes: "they don't get a choice", "unable to consent".
    cue(
        "consent",
        "no",
        r"\b(?:no|without (?:a|any)|don'?t (?:get|have) (?:a|any)|doesn'?t (?:get|have) (?:a|any)|"
        r"(?:get|have|given) no) (?:choice|say|option to (?:refuse|decline|opt out))\b|"
        r"\b(?:can't|cannot|can not|cant|unable to|not able to|couldn't|could not) (?:really |fully |properly |legally )?"
        r"(?:[\w']+ (?:or|and) )?(?:refuse|decline|opt out|say no|consent|give (?:consent|permission)|agree)\b|"
        r"\bunconscious\b|\bincapacitated\b|\bdementia\b|\balzheimer'?s\b|\bcomatose\b|\bin a coma\b",
        negated=DROP,
    ),
    # Nobody asks them or nobody agreed: "nobody asks the inmates anything about it",
    # "nobody's signed up to anything like that", "none of them opted in"; some of the people
    # did not: "a lot haven't returned the permission form yet".
    cue(
        "consent",
        "no",
        # ("nobody's been asked", "nobody in the building signed anything")
        r"\b(?:nobody|no one|noone)(?:'s| has| had| was| is)?(?: been)? (?:ever )?(?:asks?|tells?|informs?|asked|told|"
        r"informed|notified|consulted)\b(?: the| them\b| any)?|"
        r"\b(?:nobody|no one|noone|none of (?:them|us|the [\w']+))(?: (?:in|at|from|on) (?:the |our |this |that )?[\w']+)?"
        r"(?:'s| has| have|'ve| had)? (?:ever |yet |actually )?"
        r"(?:signed up|signed anything|opted in(?:to)?|enrol(?:l)?ed|registered|agreed|consented|said yes)\b|"
        r"\b(?:haven't|have not|hasn't|has not|didn't|did not|never|not) (?:yet |all |even )?(?:returned|signed|sent back|"
        r"handed (?:back|in)|filled (?:in|out)|submitted)(?: (?:it|them|theirs|the (?:[\w']+ ){0,2}?(?:forms?|slips?|waivers?)))?"
        r"(?= yet\b| ?[.,;!?)]| ?$)",
        negated=DROP,
    ),
    # The user's own face only: "unlocks my server when it sees my own face; it's only ever me".
    cue("consent", "yes", r"\b(?:my|our) own faces?\b|\bonly (?:ever )?(?:me|myself|us)\b",
        strength=WEAK),
    # People passing by are a crowd, not asked (POLICY_MODEL.md §2.1).
    cue("consent", "no", rf"\b{PEOPLE} (?:passing|walking|going|strolling|hurrying) (?:by|past)\b",
        strength=WEAK, negated=DROP),
    # POLICY_MODEL.md §2.1: people identified against their interest or without their
    # knowledge (suspects, wanted people, a watchlist, crowds, people caught breaking a
    # rule) did not consent. Weak: a sentence that says they agreed outranks it.
    cue("consent", "no", rf"\b(?:{ADVERSE_SUBJECTS})\b", strength=WEAK, negated=DROP),
    # Whoever a use is to catch is identified against their interest, by the name of what
    # they do: "to catch the skimmers when they come back", "nab the touts".
    cue("consent", "no", r"\b(?:catch|nab|bust|apprehend|arrest|collar|snare)(?:es|ed|ing|s)? (?:out )?"
        r"(?:the |any |those |these |more |repeat |serial |whoever |the same )?"
        r"(?:[a-z]{3,}ers|[a-z]{3,}ors|touts|thieves|culprits?|offenders|suspects|whoever|them (?:in the act|red ?handed|at it))\b"
        r"(?<!\bcustomers)(?<!\busers)(?<!\bmembers)(?<!\bsubscribers)(?<!\bvisitors)(?<!\bfollowers)(?<!\bvoters)(?<!\bplayers)(?<!\bmanagers)(?<!\btakeovers)(?<!\borders)(?<!\berrors)(?<!\bothers)",
        strength=WEAK, negated=DROP),
    # "Patients are asked and can decline", "customers enroll by recording a passphrase",
    # "the passengers sign a form and accept": they agreed.
    cue(
        "consent",
        "yes",
        rf"\b(?:{PEOPLE}|they|who) (?:(?!(?:not|never|no|dont|didnt|wont|cannot|must|required|forced|obliged|"
        rf"compelled|made|have|has|need)\b|\w+n't\b)[\w']+ ){{0,2}}?"
        r"(?:enrol(?:l|ls|led)?|register|sign up|opt in|accept|agree)"
        r"(?: to| by| in| for| when| get| gets| are| can| go|$|[.,;!?])|"
        r"\b(?:are|is|get|were) asked (?:first |beforehand |in advance )?and (?:can|may|could) (?:decline|refuse|say no)\b|"
        r"\bsign (?:a |the |our )?(?:form|waiver|release) and (?:accept|agree|consent)\b",
    ),
    # A sign that cameras run is notice, not agreement: people passing it cannot opt out (weak:
    # an opt-in said or still open outranks it).
    cue("consent", "no", r"\bsigns? (?:[\w']+ ){0,2}?(?:saying|that says?|stating|announcing|warning(?: that)?|reading) "
        r"(?:that )?(?:cctv|cameras?|video surveillance|recording|surveillance)\b", strength=WEAK, negated=DROP),
    # Whether consent is needed, asked: "must they have consent?", "do the fans agree?",
    # "is consent required?". The question tells nothing of it (and outranks a hint).
    cue(
        "consent",
        "unknown",
        r"\b(?:must|do|does|did|would|will|should) (?:they|we|you|i|it|the (?:[\w']+ )?(?:company|chain|store|shop|"
        r"venue|operator|client|school|employer|city|police|agency)) (?:first )?(?:need|have|need to have|have to have|"
        r"have to (?:get|ask for|obtain)|need to (?:get|ask for|obtain)|require|get) (?:their |the |people's |explicit |prior |"
        r"written )?(?:consent|permission|agreement|an opt ?in)\b|"
        rf"\b(?:do|does|did|would|will) (?:the |all |our |their )?(?:{PEOPLE}|they) (?:all |even )?(?:agree|consent|know)\b(?! to\b)|"
        r"\bis (?:their |explicit |prior )?(?:consent|an opt ?in|permission) (?:needed|required|necessary|a must)\b|"
        rf"\b(?:do|does|would|will|must|should) (?:the |all |our |their )?(?:{PEOPLE}|they|he|she) (?:all )?(?:have to|need to|"
        r"got to|have got to) (?:agree|consent|opt in|sign up|say yes)\b|"
        # Enrolled by someone else is not their agreement, nor enrolment asked about: "staff
        # enrolled by HR", "workers were enrolled by their employer", "passengers enrolled?".
        rf"\b(?:(?:{PEOPLE}|they) (?:were |are |get |got |have been |had been |will be |would be )?)?"
        r"(?:enrol(?:l)?(?:ed|s)?|registered|signed up|added|opted in|uploaded) (?:[\w']+ )?by (?:the |their |its |our |his |her |an? )?"
        r"(?:hr|human resources|employers?|compan(?:y|ies)|managers?|bosses?|schools?|admins?|administrators?|it|"
        r"parents?|agenc(?:y|ies)|ministr(?:y|ies)|government|client|customers?|landlords?|owners?|staff)\b",
        negated=DROP,
    ),
    # Agreeing to be filmed, or terms of a ticket, is not agreeing to be identified or tracked.
    cue("consent", "unknown", rf"\b(?:(?:{PEOPLE}|they|who) (?:all |each |have |had )?)?(?:agree(?:s|d|ing)?|consent(?:s|ed)?) "
        r"(?:to )?(?:be(?:ing)? )?(?:filmed|recorded|photographed|on camera|video (?:monitoring|surveillance)|cctv)\b",
        strength=DECLARED, negated=DROP),
    # Terms of a ticket hint at agreement no one gave (weak: "they tick yes" outranks them).
    cue("consent", "unknown", r"\b(?:in|by|through|via|under|buried in) (?:the |their |our )?(?:ticket |booking |app |"
        r"small print of the )?(?:terms(?: and conditions| of (?:service|use|sale|entry))?|t ?& ?cs?|t and cs|tos|"
        r"fine print|small print)\b", strength=WEAK, negated=DROP),
    cue("consent", "unknown", rf"\b(?:(?:{PEOPLE}|they) (?:all |each )?)?(?:enrol(?:l)?ed|consented|opted in|agreed|"
        r"signed up)\? (?:only )?(?:some|a few|most|not all|partly|partially|unclear|unknown|no idea|not sure)\b",
        strength=DECLARED),
    # The consent step taken away: "drop the opt-in and match everyone".
    cue("consent", "no", r"\b(?:drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|skip(?:s|ped|ping)?|"
        r"ditch(?:es|ed|ing)?|abandon(?:s|ed|ing)?|get(?:ting)? rid of|do(?:ing)? away with|remove) (?:the |our |its |their )?"
        r"(?:opt ?ins?|consent(?: step| screen| form| requirement| check| box)?|permission step|enrol(?:l)?ment step)\b",
        strength=DECLARED),
    # "It's optional, nobody gets verified without asking for it": they agreed.
    cue("consent", "yes", r"\b(?:it's|its|it is|this is|the (?:feature|check|scan) is) (?:entirely |completely |fully )?"
        r"(?:optional|voluntary)\b|\b(?:nobody|no one|noone) (?:gets|is|will be) [\w']+ without (?:asking for it|"
        r"(?:their |giving )?consent(?:ing)?|agreeing|opting in|signing up)\b"),
    # Agreement that cannot be given, was never given, or was taken back: "walk-in guests
    # who never enrolled and can't opt in", "I told them I don't agree anymore". ("Can't"
    # is read as permission elsewhere; of consent it says it is impossible.)
    cue("consent", "no", r"\b(?:can't|cannot|can not|couldn't|could not|unable to|not able to|have no way to) "
        r"(?:ever |even |really )?(?:opt ?in|consent|agree|enrol(?:l)?|sign up|register|say yes)\b|"
        r"\bnever (?:enrol(?:l)?ed|registered|signed up|opted in|agreed|consented|gave (?:their |his |her |my )?consent)\b|"
        r"\b(?:don't|do not|doesn't|does not|no longer|not) (?:agree|consent)(?: to (?:it|this|that))? ?"
        r"(?:anymore|any more|any longer)\b|\bno longer (?:agree|consent)s?\b|"
        # "he doesn't want to be recognised any more"
        r"\b(?:doesn't|does not|don't|do not|no longer|won't|will not|didn't|did not) want(?:s)? "
        r"(?:to be |being )?(?:recogni[sz]ed?|identified|tracked|matched|scanned|included|enrolled|tagged|named|in it)\b|"
        r"\b(?:doesn't|does not|don't|do not|no longer|won't|didn't|did not) want(?:s)? (?:her|his|their|my|our) "
        r"(?:face|photo|picture|image|data|template|details) (?:in it|in there|used|in the system|stored|on file|kept|scanned|enrolled)\b|"
        r"\b(?:withdr[ae]ws?|withdrawn|withdrawing|revok(?:e|es|ed|ing)|took back|takes? back|taken back|pulled|pulls|"
        r"rescind(?:s|ed)?|retract(?:s|ed)?) (?:my |their |his |her |our |the )?(?:consent|agreement|permission|opt ?in)\b|"
        # "the union pulled it last week"
        rf"\b(?:union|they|he|she|{PEOPLE}) (?:just |has |have |had |now )?(?:pulled|pulls|withdrew|withdraws|withdrawn|"
        r"revoked|revokes|took back|takes back|taken back|rescinded|retracted) (?:it|that)\b|"
        # "she has since left the scheme and asked us to stop"
        r"\b(?:left|quit|leaves|quits|dropped out of|pulled out of|withdrew from|withdrawn from) (?:the |our |their )?"
        r"(?:scheme|programme|program|opt ?in|pilot|trial|study|loyalty (?:scheme|programme|program|club))\b|"
        r"\basked (?:us|them|me|you|the [\w']+) to (?:stop|delete (?:it|her|his|their)|remove (?:her|him|them|it))\b|"
        r"\bpull(?:s|ed|ing)? (?:his|her|their|my|our) (?:son|daughter|kids?|child|children|boy|girl|family|details) out(?: of)?\b|"
        r"\bpull(?:s|ed|ing)? (?:him|her|them|himself|herself|themselves) out of (?:the |our |this )?(?:face|scheme|program|programme|check|system|pilot)\b",
        strength=DECLARED, negated=DROP),
    # Agreement clicked or ticked by the people themselves: "every guest taps 'I agree'".
    cue("consent", "yes", r"\b(?:taps?|tapped|tapping|clicks?|clicked|clicking|presses|pressed|hits?) (?:on )?(?:an? |the )?' ?"
        r"(?:i agree|i accept|i consent|agree|accept|allow|yes)\b|\b(?:ticks?|ticked|ticking) (?:a |the |an )?(?:consent |opt ?in )?box\b"),
    # Not asked, told or shown, or out in so many words, said of the people themselves:
    # "haven't asked the customers", "no notice to customers", "not putting it in the
    # listing", "parents said flat out no to any face scanning", "he wants out".
    cue("consent", "no", rf"\b(?:haven't|have not|hasn't|has not|didn't|did not|won't|will not|never) (?:yet )?"
        rf"(?:asked|told|informed|notified) (?:the |our |any |their )?{PEOPLE}\b(?! yet\b)|"
        rf"\bno (?:notice|notification|warning|sign) (?:to|for|given to) (?:the |our |any )?{PEOPLE}\b|"
        r"\b(?:said|say|says|saying) (?:flat out |a flat |a firm )?no to\b|"
        r"\b(?:serve|serving|served|execute|executing) (?:a |the |our )?(?:seizure |search |arrest |eviction )?warrants?\b|"
        r"\bprior (?:[\w']+ )?convictions\b|"
        r"\b(?:not|never|won't|will not) (?:putting|put|mention\w*|disclos\w*|includ\w*) (?:it|this|that) in the "
        r"(?:listing|notice|policy|terms|contract|ad|description)\b|"
        r"\b(?:never|haven't|have not|hasn't|has not|didn't|did not) (?:yet )?(?:replied|responded|answered|returned (?:it|the forms?))\b|"
        r"\b(?:zero|no) opt ?ins?\b|\bzero consent\b|"
        r"\b(?:wants?|wanted|asked|asks|asking) (?:to (?:be )?)?(?:out|removed|deleted|taken off|taken out|left out|opted out|"
        r"excluded|forgotten)\b|"
        r"\b(?:delete|remove|erase)s? (?:his|her|their|my) (?:photo|picture|face|data|profile|enrol(?:l)?ment)\b|"
        rf"\b(?:they're|they are|{PEOPLE} are|{PEOPLE} were|they were) (?:not|never) asked\b(?! yet\b)",
        strength=DECLARED, negated="no"),
    # A box ticked for them is not their agreement.
    cue("consent", "no", r"\bpre ?(?:ticked|checked|selected)\b|\b(?:ticked|checked|selected|enabled|on) by default\b|"
        r"\bopt ?out by default\b", strength=DECLARED, negated=DROP),
    # "there is no way to get their consent": they could not agree.
    cue("consent", "no", r"\b(?:no way|impossible|not possible|no means|no chance) (?:for us )?to (?:get|obtain|ask for|"
        r"collect|secure|gather) (?:their |any |the )?(?:consent|permission|agreement|opt ?ins?)\b", negated=DROP),
    # "The people involved have no idea": identified without their knowledge.
    cue("consent", "no", rf"\b(?:{PEOPLE}|they|he|she)(?: involved| concerned| on the street| in the crowd)?(?: who)? (?:have|has|had) (?:no|zero) "
        r"(?:idea|clue)\b(?! (?:yet )?(?:whether|if|which|who|what|how|when)\b)", negated=DROP),
    # Free to say no, and only those who agree are checked: "told they can refuse and do a
    # paper check instead", "passengers are free to decline". Not if they are checked anyway.
    cue(
        "consent",
        "yes",
        rf"\b(?:{PEOPLE}|they|he|she) (?:are |is |get |were )?(?:told (?:that )?(?:they|he|she) )?(?:can|may|are free to|"
        r"is free to|are allowed to|get to|have the (?:option|choice|right) to) (?:always )?(?:refuse|decline|opt out|say no)\b"
        r"(?![^.;!?]*?\b(?:anyway|all the same|regardless|even so|nonetheless)\b)"
        # (a spreadsheet's "drivers_can_refuse = no" says they cannot)
        r"(?! ?[=:] ?(?:no|false|n|0)\b)|"
        # The subject left out: "sign a consent form when they join, can opt out and do a manual
        # ID check instead".
        r"(?<=, )(?:can|may|are free to) (?:always )?(?:refuse|decline|opt out|say no) (?:and|to) (?:do|use|get|have|choose|go|"
        r"take|pick) (?:[\w']+ ){0,3}?(?:instead|manual\w*|paper|in person|by hand|other)\b"
        r"(?![^.;!?]*?\b(?:anyway|all the same|regardless|even so|nonetheless)\b)",
        strength=DECLARED,
        negated=DROP,
    ),
    # A choice with a way round it: "passengers can choose the SmartGate or the staffed desk".
    cue(
        "consent",
        "yes",
        rf"\b(?:{PEOPLE}|they) (?:can|may|get to|are free to|are able to|could) (?:choose|pick|opt for|select|use) "
        r"(?:between )?(?:the |a |an )?(?:[\w'-]+ ){1,5}?or (?:the |a |an |go to the |use the )?(?:[\w'-]+ ){0,3}?"
        r"(?:desks?|counters?|lanes?|queues?|lines?|booths?|officers?|agents?|staff|manual\w*|paper|cards?|pins?|"
        r"tickets?|passport checks?|way)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # Everyone checked, refusers included: "run it on everyone anyway, the ones who refused
    # included". The refusal outranks the others' enrolment.
    cue(
        "consent",
        "no",
        r"\b(?:the ones|those|people|staff|the people) who (?:refused|declined|opted out|said no)(?: [\w']+){0,2}? included\b|"
        r"\bincluding (?:the ones|those|people|anyone|the people) who (?:refused|declined|opted out|said no)\b|"
        # "a couple of people already said no thanks, but it would still greet everyone"
        r"\b(?:refused|declined|opted out|said no|say no|objected)(?: thanks| thank you| to it)?[,;]? (?:but|and|yet) "
        r"(?:[\w']+ ){0,4}?(?:still|anyway|regardless)\b|"
        r"\b(?:on|to|for) (?:everyone|everybody|all of them|every (?:[\w']+ )?(?:visitor|worker|employee|customer|member|person)) "
        r"anyway\b|"
        # Someone outside the enrolled, checked all the same: "a friend who isn't a registered
        # user ends up driving? The camera would still try to match them".
        rf"\b(?:{PEOPLE}|friends?|someone|somebody|anyone|a person|those)(?: [\w']+){{0,2}}? (?:who|that) (?:isn't|is not|aren't|are not|"
        r"wasn't|weren't|never) (?:a |an )?(?:registered|enrolled|signed up|opted in|member)\b(?: [\w']+){0,12}?[?.,;]? "
        r"(?:[\w']+ ){0,4}?(?:still|anyway|regardless|all the same)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # People missing cannot agree at the time they are looked for (weak: a prior opt-in outranks it).
    cue("consent", "no", r"\bmissing (?:children|child|kids?|persons?|people|hikers?|climbers?|teens?|teenagers?|"
        r"girls?|boys?|women|woman|men|man|minors?|adults?|patients?|residents?)\b|\b(?:missing|runaway) register\b",
        strength=WEAK, negated=DROP),
    # "candidates consent on the form", "they all consented when they registered".
    cue("consent", "yes", rf"\b(?:{PEOPLE}|they|who) (?:all |each |have |had )?(?:consent|consents|consented) "
        r"(?:on|in|via|through|when|at|during|by|before|beforehand|in advance|to (?:it|this|that|the))\b"),
    # Refusing is not consenting: "some passengers refuse and we still verify them".
    cue(
        "consent",
        "no",
        rf"\b(?:{PEOPLE}|they|some|others|many|most|who) (?:[\w']+ )?(?:refuse|refused|refuses|decline|declined|"
        r"object|objected|say no|said no|opt out|opted out)\b",
        negated=DROP,
    ),
    # Agreement asked about and answered no in the same breath: "do they have to agree to it??
    # they obviously won't"; and everyone checked, the enrolled or not: "every guest, not just
    # people who signed up".
    cue(
        "consent",
        "no",
        r"\b(?:agree|consent|opt in|sign up|say yes)(?: to (?:it|this|that|being [\w']+))?\?+ (?:they|he|she|nobody|no one|people)"
        r"(?: obviously| clearly| certainly| definitely| probably| surely)? (?:won't|wont|will not|wouldn't|would not|never|don't|"
        r"do not|can't|cannot)\b|"
        rf"\bnot (?:just|only) (?:the )?(?:{PEOPLE}|those|ones|the ones)(?: who(?:'ve| have)?| that)? (?:already )?(?:signed up|"
        r"enrolled|enroll?ed|opted in|agreed|consented|registered|joined)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # Agreement given by someone else is not the agreement of the people identified; those
    # who need a proxy could not give it (POLICY_MODEL.md §2.1: unable to consent).
    cue(
        "consent",
        "no",
        r"\bon (?:their|his|her|the patients'|the residents'|the children's) behalf\b|"
        r"\b(?:families|family members|relatives|next of kin|guardians|carers|caregivers|spouses) "
        r"(?:have |had |will |would )?(?:signed off|signed|sign|consented|consent|agreed|agree|gave consent|give consent|"
        r"approved|gave (?:their )?(?:ok|okay|permission|approval))\b",
        strength=ON_BEHALF,
        negated=DROP,
    ),
    # A group that did not sign up, identified all the same: "for people who didn't upload a
    # selfie we'd match them against their LinkedIn photos instead".
    cue(
        "consent",
        "no",
        rf"\b(?:{PEOPLE}|those|anyone) who (?:didn't|did not|don't|do not|haven't|have not|never|won't|will not) "
        r"(?:upload|register|enrol|enroll|opt|sign|agree|consent|give)\w*\b",
        negated=DROP,
    ),
    # Those who say no are handled another way: the face check is theirs to refuse.
    cue(
        "consent",
        "yes",
        # ... unless they are identified all the same: "those who decline go to the counter,
        # where the officer compares their face with the passport anyway".
        rf"\b(?:{PEOPLE}|those|anyone|any one) who (?:decline|declines|refuse|refuses|opt out|opts out|say no|says no|"
        r"won't|wont|will not|doesn't want to|does not want to|don't want to|"
        r"(?:don't|doesn't|do not|does not|didn't|did not) (?:opt in|enrol\w*|sign up|register|want it)|"
        r"haven't enrolled|hasn't enrolled)"
        r"(?![^.;!?]*?(?:(?:compar|match|identif|recogni|scan|verif)\w* (?:[\w']+ ){0,2}?(?:their|them|his|her)\b|"
        r"\b(?:all the same|anyway|regardless|even so|nonetheless)\b))"
        r"(?: (?!(?:match|identif|recogni|compar|scan|verif|track|fac)\w*)[\w']+){0,8}? "
        r"(?:instead|(?:normal|regular|standard|usual|ordinary) (?:[\w']+ )?(?:line|lane|queue|process|check|search|screening|entry|route)|"
        r"bag (?:check|search)|manual\w*|wristbands?|another way|alternatives?|by hand|in person|"
        r"at the counter|a person|pins?|passports?|cards?|tickets?|badges?|keypads?|codes?|fobs?|keys?)\b",
        strength=DECLARED,
    ),
    # A choice with another way offered: "drivers who choose online renewal ... anyone who
    # doesn't want that can renew at an office".
    cue(
        "consent",
        "yes",
        rf"\b(?:{PEOPLE}|those|anyone|each) who (?:choose|chooses|chose|opt|opts|elect|elects) (?:to |for |the |this |it\b|online)|"
        rf"\b(?:{PEOPLE}|those|anyone|each) who (?:switch|switches|turn|turns|activate|activates|enable|enables) "
        r"(?:on )?(?:the |this |it |that |our )?(?:[\w'-]+ ){0,3}?(?:on\b|feature|option|setting)|"
        rf"\b(?:{PEOPLE}|anyone|those) who (?:don't|do not|doesn't|does not) want (?:that|this|it|to)\b(?: [\w']+){{0,6}}? "
        r"(?:can|may|could)\b|\beach (?:[\w']+ ){0,6}?(?:to|and) (?:enrol|enroll|register|sign up|opt in)\b",
    ),
    # Consent stipulated: "assume the consent is valid" settles it, whatever else is said.
    cue(
        "consent",
        "yes",
        r"\b(?:assume|assuming|suppose|supposing|given|stipulate|take it) (?:that )?(?:the |their |all |this )?"
        r"(?:consent|agreement|opt ?in)s? (?:is|are|was|were) (?:valid|freely given|given|genuine|informed)\b",
        strength=DECLARED,
    ),
    # Consent that is no longer there or never held: "valid consent is no longer possible",
    # "the consent form is not valid", "we can't rely on that enrolment anymore".
    cue(
        "consent",
        "no",
        r"\b(?:consent|permission|agreement|opt ?ins?|enrol\w*)(?: [\w']+){0,4}? (?:(?:is|are|was|were|would be|will be|"
        r"becomes?|became) (?:no longer|not|never|in) ?|(?:isn't|aren't|wasn't|weren't|won't be) )(?:possible|valid|available|"
        r"obtainable|given|an option|usable)\b|\b(?:haven't|have not|hasn't|has not|never) given (?:valid |their |any )?consent\b|"
        r"\b(?:invalid|void|no valid|not valid) (?:consent|permission|agreement|opt ?ins?|enrol\w*)\b|"
        r"\b(?:can't|cannot|can not|could not|couldn't|won't be able to) (?:rely on|use|count on|trust) (?:the |that |their |this |our |any )?"
        r"(?:consent|enrol\w*|agreement|opt ?ins?|sign ?ups?|forms?)\b|"
        r"\b(?:consent|agreement)(?: [\w']+){0,3}? (?:withdrawn|revoked|lapsed|expired|no longer (?:holds|applies|counts))\b|"
        r"\bno longer (?:possible|able) to (?:consent|agree|opt in|get (?:their )?consent)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # Enrolment the people cannot refuse is no agreement: "everyone enrolled, no opt out",
    # "enrolment is mandatory for all staff". It outranks the words of enrolling.
    cue(
        "consent",
        "no",
        r"\bno (?:way to |option to |chance to |right to )?opt(?:ing)? ?outs?\b|\bwithout (?:an? |any )?opt ?outs?\b|"
        r"\b(?:mandatory|compulsory|obligatory|forced|required|involuntary) (?:[\w']+ ){0,2}?(?:enrol\w*|registration|"
        r"participation|face (?:scans?|checks?|enrol\w*|verification)|biometric\w*|scans?|checks?)\b|"
        r"\b(?:enrol\w*|registration|participation|it|this|the (?:face )?(?:scan|check)) (?:is|are|will be|would be|becomes?) "
        r"(?:mandatory|compulsory|obligatory|required|a condition of (?:employment|entry|the job))\b|"
        r"\b(?:mandatory|compulsory|obligatory) (?:for|to) (?:all|every|each|everyone|everybody|the whole)\b|"
        r"\b(?:must|have to|has to|required to|forced to|obliged to|made to) (?:all |each |both )?(?:enrol\w*|register|"
        r"sign up|be (?:enrolled|registered|scanned))\b(?! and (?:agree|consent|accept|opt in)\b)|"
        r"\bwhether (?:they|people|staff|employees) like it or not\b",
        strength=DECLARED,
        negated=DROP,
    ),
    cue(
        "consent",
        "yes",
        r"\b(?:ticked|tick|ticks|checked|check|checks|clicked) (?:the |a )?(?:consent )?(?:box|checkbox)\b|"
        r"\bsign(?:s|ed|ing)? (?:their |a |the )?consent\b",
    ),
]
