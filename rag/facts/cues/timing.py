"""real_time: live, near real time, as it happens; or after the fact, on recordings."""

from __future__ import annotations

from rag.facts.cues.base import DECLARED, DROP, FLIP, PEOPLE, SAYS_NOTHING, WEAK, cue

__all__ = ["CUES"]

# "live" is the verb after these ("people who live in ..."; "go live" is a launch).
# fmt: off
_LIVE_VERB_SUBJECTS = (
    "who", "that", "they", "we", "i", "you", "he", "she", "to", "where", "which", "still",
    "currently", "actually", "go", "goes", "going", "went", "gone", "will", "would", "can", "could",
    "may", "might", "must", "should", "shall", "also", "don't", "they'll", "we'll", "families",
    "residents", "citizens", "inhabitants", "usually",
)
# fmt: on

# "many people live in Paris": a subject, then the verb.
_PEOPLE_LIVE_IN = (
    r"(?:^|[.!?;\n] ?|\b(?:the|many|most|some|all|these|those|local|our|their|who|where|and) )"
    rf"{PEOPLE} live (?:in|near|with|there|here|nearby|abroad|together|alone|on|at)\b"
)

_MEDIA = r"(?:footage|videos?|video|recordings?|photos?|pictures?|clips?|cctv|feeds?|images?|stills|tapes?)"
_TAKEN = (
    # (not "the photo is only taken if they say yes": a capture still to come)
    r"(?:photos?|photographs?|pictures?|pics|snapshots?)(?: (?:which|that))? "
    r"(?:(?!is\b|are\b|gets?\b|will\b|would\b|only\b|be\b)[\w']+ ){0,4}?"
    r"(?:took|taken|snapped|shot|captured)"
)

# A live part switched off is no live use: "turned off the live check and ran the recordings".
_LIVE_DROPPED = (
    r"\b(?:turn(?:ed|s|ing)?|switch(?:ed|es|ing)?|shut(?:s|ting)?) off (?:the |its |our )?live\b|"
    r"\b(?:drop(?:ped|s|ping)?|skip(?:ped|s|ping)?|disabl(?:e|ed|es|ing)|remov(?:e|ed|es|ing)|scrap(?:ped|s|ping)?|kill(?:ed|s|ing)?|"
    r"de ?scop(?:e|ed|es|ing)|ditch(?:ed|es|ing)?|cut(?:s|ting)?|abandon(?:ed|s|ing)?) "
    r"(?:the |its |our )?live\b"
)

CUES = [
    cue("real_time", "yes", r"\b(?:(?:near|nearly|almost|close to) )?real ?time\b"),
    cue("real_time", "yes", r"\blive\b", not_after=_LIVE_VERB_SUBJECTS, skip=f"{_PEOPLE_LIVE_IN}|{_LIVE_DROPPED}"),
    cue(
        "real_time", "yes", r"\blive ?stream(?:s|ed|ing)?\b|\bstreaming (?:video|footage|feeds?)\b"
    ),
    cue(
        "real_time",
        "yes",
        r"\bas (?:it|they|events?|things?) (?:happens?|unfolds?|occurs?)\b|\binstant(?:ly|aneous(?:ly)?)?\b|"
        r"\bas (?:it|the drone|the car|the vehicle|the officer|the patrol) (?:flies|fly|moves|drives|patrols|passes|films|records|goes)\b|"
        r"\b(?:right there|then and there|there and then)\b|\b(?:in|at) (?:the )?same (?:moment|instant|second)\b|"
        r"\bwhile (?:they're|they are|there|their|we're|we are|he's|she's|officers are) (?:driving|patrolling|walking|on patrol)\b|"
        r"\b(?:alerts?|matches|matching|flags?|flagging|pings?) (?:[\w']+ ){0,2}?while (?:driving|patrolling|on patrol|on the move)\b|"
        # ("identify people ... while on patrol" tells where, not when)
        r"\b(?:recogni[sz]\w*|identif\w*|spot(?:s|ting)?|scan(?:s|ning)?|match(?:es|ing)?|flag(?:s|ging)?) "
        r"(?:[\w']+ ){0,6}?while (?:driving|on the move|in motion|flying|riding)\b|"
        # "check faces while they patrol the camp": the check is made as the officers go
        # ("while on patrol" alone tells where, not when).
        r"\b(?:check|match|scan|recogni[sz]|identif|flag|run)\w* (?:[\w']+ ){0,3}?(?:faces?|people|them|everyone|anyone|ids?) "
        r"(?:[\w']+ ){0,3}?while (?:they|officers|we|he|she|the officers?) (?:are )?(?:patrol|patrols|patrolling|walk|walking|"
        r"drive|driving)\b|"
        # "flag, during the flight, when a face matches", "run face ID throughout every trip"
        r"\b(?:alerts?|flag(?:s|ging)?|pings?|recogni[sz]\w*|identif\w*|spot(?:s|ting)?|scan(?:s|ning)?|match(?:es|ing)?|"
        r"checks?|checking|detect(?:s|ing)?|face id)\W+(?:[\w']+\W+){0,6}?(?:during|throughout|in the course of) "
        r"(?:the |each |every |a |an )?(?:flights?|trips?|rides?|journeys?|drives?|calls?|exams?|sessions?|match(?:es)?|games?|races?|"
        r"events?|concerts?|shows?|festivals?)\b|"
        r"\bwhile (?:the |our |a )?(?:cruiser|car|vehicle|van|truck|drone|officer|patrol|bus|train)(?:'s| is) "
        r"(?:driving|patrolling|moving|flying|running|out|on patrol)\b|"
        rf"\b(?:with|while|when) (?:(?:the |each |a )?(?:{PEOPLE}|person|people|subject|individual|detainee|suspect|driver|patient)s?|"
        r"they|he|she) (?:is |are |'re |'s )?(?:still )?(?:present|there|in front of|standing|sitting|waiting|stood)\b|\bimmediate(?:ly)?\b|\baround the clock\b|\b24 ?7\b|"
        r"\bin (?:their|his|her|the person's) presence\b|\bin the act\b|"
        r"\bwhile (?:they're|they are|he's|she's|he is|she is) (?:doing it|at it|committing|stealing|breaking in)\b|"
        r"\bon the (?:spot|fly)\b|\bin the moment\b|\bsplit second\b|\bright away\b|\bstraight ?away\b|"
        r"\bwithin (?:a (?:few|couple of) |\d+ |one |two |three |five |ten )?(?:seconds?|moments?)\b|"
        r"\b(?:comes?|coming|came|walks?|walking|steps?|stepping) into (?:view|frame|shot|range|sight)\b|"
        r"\b(?:as soon as|the (?:second|moment|minute|instant)) (?:they|he|she|someone|somebody|anyone|people|a person|the person|"
        r"(?:his|her|their|the suspect's|the person's|a wanted person's|[\w]+'s) faces?)"
        r"(?: (?:from|on|in) (?:the |his |her |their |our |a )?(?:[\w'-]+ ){0,4}?(?:list|database|register))? (?:walks?|arrives?|enters?|"
        r"appears?|shows? up|comes?|steps?|is seen)\b|"
        # "texted me the second it spotted them": the system's own seeing starts the alert.
        r"\b(?:as soon as|the (?:second|moment|minute|instant)) (?:it|the (?:camera|cam|system|ai|app|model|software)) "
        r"(?:spots?|spotted|sees?|saw|detects?|detected|recogni[sz]es|recogni[sz]ed|matches|matched|picks? (?:them|him|her|someone) up|"
        r"finds?|found|clocks?|clocked)\b|"
        r"\bduring (?:(?:the|a|an|each|every|our|their) )?(?:[\w']+ )?(?:video |live |phone )?(?:calls?|sessions?|interviews?|chats?|meetings?|stops?)\b|"
        r"\bas (?:the |its |their )?(?:video|feed|footage|stream|camera) (?:streams?|plays?|comes? in|rolls?|runs?)\b",
    ),
    # A check that opens the way in happens while the person waits at it: "recognise
    # tenants' faces and open the gate for them", "lets members in", "before the stream starts".
    cue(
        "real_time",
        "yes",
        r"\b(?:open|opens|opening|unlock|unlocks|unlocking|release|releases|lift|lifts|raise|raises) (?:the |a |their |our )?"
        r"(?:front |main |side |car park |parking )?(?:gates?|doors?|barriers?|turnstiles?|locks?|lockers?|boom)\b(?! (?:hours?|times?|days?))|"
        r"\b(?:let|lets|letting) (?:them|him|her|people|members|guests|residents|tenants|staff|visitors) (?:in|through)\b|"
        r"\bwaves? (?:them|him|her|people) through\b|\bbefore (?:the |their |each |a )?(?:stream|session|shift|exam|call) "
        r"(?:starts|begins)\b",
        strength=WEAK,
    ),
    # "whisper the name of whoever you're talking to": the person is there.
    cue("real_time", "yes", r"\b(?:whoever|the person|someone|people) (?:you're|you are|i'm|i am|we're|we are) (?:talking|speaking|chatting) (?:to|with)\b",
        strength=WEAK),
    cue("real_time", "yes", r"\bdirectly (?:during|at|on|while|as)\b", strength=WEAK),
    # Clocking in is done by the person there: "face clock-in for the shift".
    cue("real_time", "yes", r"\b(?:face |facial )?clock(?:s|ed|ing)? ?(?:ins?|outs?)\b|\bface clocks?\b", strength=WEAK),
    # An alert fires while the person is there: "a face alert on the entrance camera".
    cue("real_time", "yes", r"\b(?:face|facial|watch ?list|match|recognition) (?:match )?alerts?\b", strength=WEAK),
    # At the scene is live, unless it is where earlier photos were taken: "photos the officer
    # took with his phone at the scene".
    cue(
        "real_time",
        "yes",
        r"\b(?:at|on) the scene\b",
        skip=rf"{_TAKEN} (?:[\w']+ ){{0,6}}?(?:at|on) the scene",
    ),
    cue(
        "real_time",
        "yes",
        rf"\bas (?:{PEOPLE}|they|we|i|you|he|she) (?:walk|walks|ride|rides|cycle|cycles|patrol|patrols|fly|flies|pass|passes|enter|enters|arrive|arrives|move|moves|approach|"
        r"approaches|go|goes|come|comes|drive|drives|board|boards|shop|shops|queue|queues|step|steps|check in|checks in|"
        r"pay|pays|sit down|sits down|turn up|turns up|log in|logs in|walk up|walks up)\b|"
        rf"\bwhile {PEOPLE} (?:are|is) (?:walking|passing|moving|driving|shopping)\b",
    ),
    # Checking people at a point of entry or service happens on the spot.
    cue(
        "real_time",
        "yes",
        r"\bbadge in\b|\bcheck(?:s|ed|ing)? (?:(?!(?:later|again|back|once|twice|every|each|daily|then|up)\b)[\w']+ ){0,2}?in\b"
        # (photos from a check-in are earlier pictures: "last month's check-in photos")
        r"(?! (?:photos?|pictures?|pics|images?|data|records?|logs?|history|footage|selfies?|scans?)\b)|\baccess control\b|\bunlock(?:s|ing)?\b|"
        r"\b(?:at|through) (?:the |its |their |our |a |an )?(?:[\w']+ )?(?:doors?|entrances?|gates?|turnstiles?|"
        r"counters?|windows?|atms?|kiosks?|machines?|terminals?|tills?|checkouts?|self checkouts?)\b|\bboarding gates?\b|\bopens? the door\b|"
        r"\bas (?:they|he|she|people|\w+)(?:'re)? (?:are |get |is )?(?:processed|brought in|booked|checked in|scanned)\b|"
        r"\b(?:walks?|walking|comes?|coming) (?:past|by)\b|"
        # "so the visit-hall gate recognises them": a gate or door that knows people does it then.
        r"\b(?:gates?|turnstiles?|doors?|barriers?|kiosks?|locks?) (?:recogni[sz]es?|knows?|opens? for|lets? (?:them|people|you) in)\b|"
        # "the door camera flags people we've 86'd": a camera at the way in alerts on arrival.
        r"\b(?:door|doorway|entrance|entry|gate|front door) (?:camera|cam|cctv)s? (?:to |that |which |will |would |could |can )?"
        r"(?:flags?|alerts?|pings?|spots?|recogni[sz]es?|picks? up)\b|"
        r"\b(?:walks?|walking|comes?|coming) (?:in|into)(?= ?[.,;:!?()]| ?$| (?:the|a|an|my|our|their|its) "
        r"(?:doors?|stores?|shops?|buildings?|entrances?|gates?|lobby|cafe|premises|classrooms?|venue|station)\b| "
        r"(?:lobby|store|shop|building|reception|venue|premises)\b)|"
        # "keep banned patrons out": turned away at the way in, so checked there and then.
        r"\bkeep(?:s|ing)? (?:[\w']+ ){1,5}?out\b(?! of (?:the )?(?:footage|photos?|videos?|records?|database|reports?|it|this))|"
        r"\bwithin seconds\b|\b(?:live )?feeds? from (?:the |those |these |our |their |its )?(?:[\w']+ ){0,2}?(?:cameras?|cctv|cams?)\b|\b(?:take|taking|for|track|tracking|record|recording) (?:the )?(?:daily )?attendance\b|\b(?:camera|video|cctv) feeds?\b",
        strength=WEAK,
        negated=DROP,
    ),
    # A camera where people queue or wait picks them out while they are there: "cameras in the
    # lift lines to spot people whose passes were pulled".
    cue(
        "real_time",
        "yes",
        r"\b(?:cameras?|cams?|cctv) (?:at|in|on|over|above) (?:the |our |its |their )?(?:[\w']+ )?(?:lines?|queues?|counters?|desks?|tills?|"
        r"platforms?|lobby|lobbies|entrances?|doors?|gates?) (?:to |that |which |would |will |could )?(?:spot|flag|recogni[sz]e|alert|ping|pick out|catch)",
        strength=WEAK,
        negated=DROP,
    ),
    # The live part taken away leaves the work on what was recorded: "drop the live part and
    # only match last month's photos".
    cue(
        "real_time",
        "no",
        r"\b(?:drop(?:ped|s|ping)?|scrap(?:ped|s|ping)?|ditch(?:ed|es|ing)?|remov(?:e|ed|es|ing)|cut(?:s|ting)?|"
        r"turn(?:ed|s|ing)? off|switch(?:ed|es|ing)? off|kill(?:ed|s|ing)?|forget|lose|park) (?:all )?(?:of )?(?:the |its |our |that |this )?live "
        r"(?:part|bit|piece|feature|check|checks|matching|side|element|mode|option|component|alerts?|stuff|things?|idea|"
        r"version|angle|aspect|element|scanning|recognition)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # (a list or a report sent afterwards is no timing of the check: "the family gets a list afterwards")
    cue("real_time", "no", r"\bafter the fact\b|(?<!list )(?<!report )(?<!summary )(?<!email )(?<!log )\bafterwards?\b",
        negated=FLIP),
    # A spec's line: "- realtime: no", "live: yes".
    cue("real_time", "no", r"\b(?:real ?time|live|live mode|realtime processing): (?:no|none|off|false|never)\b",
        strength=DECLARED),
    cue("real_time", "yes", r"\b(?:real ?time|live|live mode|realtime processing): (?:yes|on|true|always)\b",
        strength=DECLARED),
    # Pictures from decades past: "photographs from the sixties", "slides from the 1980s".
    cue(
        "real_time",
        "no",
        r"\b(?:photos?|photographs?|pictures?|pics|images?|footage|films?|videos?|slides|recordings?|albums?) "
        r"(?:[\w']+ ){0,2}?from the (?:(?:19|20)?\d0s|'\d0s|(?:nineteen )?(?:twenties|thirties|forties|fifties|"
        r"sixties|seventies|eighties|nineties))\b",
    ),
    # "It is not done while the person is standing there": a check ruled out on the spot.
    cue(
        "real_time",
        "no",
        r"\b(?:not|never|\w+n't|dont|doesnt|isnt|wont) (?:be |being |been |get )?(?:done|made|run|happen\w*|"
        r"carried out|performed|checked|matched|take place|takes place|taking place) (?:[\w']+ ){0,2}?"
        r"(?:while|when|as) (?:the |a |each )?(?:person|people|they|he|she|suspects?|visitors?|passengers?|"
        r"subjects?|customers?|travell?ers?|drivers?|someone)\b",
    ),
    # The gallery matched against, not the pictures matched: "load them in from the ID
    # photos on file" says nothing of when the matching runs.
    cue(
        "real_time",
        "unknown",
        r"\b(?:load|add|enrol|enroll|register|import|put|seed)(?:s|ed|ing)? (?:them|[\w']+)(?: [\w']+){0,3}? (?:in |into "
        r"(?:the |a )?(?:[\w']+ )?(?:system|gallery|database|list) )?(?:from|using|with) (?:the |their |our )?"
        r"(?:id |passport |staff |file |badge |profile |booking |existing )?(?:photos?|pictures?|images?|headshots?)"
        r"(?: on file| we have| we hold)?\b|"
        # "recognises them from the guest-list photos the host sent": the gallery again.
        r"\b(?:recogni[sz](?:e|es|ed|ing)|identif(?:y|ies|ied|ying)|match(?:es|ed|ing)?|know(?:s)?) (?:them|him|her|people|"
        r"guests|members|visitors|customers|each (?:[\w']+ ))? ?(?:from|against|using|with) (?:the |their |our |a )?"
        r"(?:[\w'-]+ ){0,3}?(?:photos?|pictures?|images?|headshots?|selfies?)(?: (?:the |that |which )?(?:[\w']+ ){0,3}?"
        r"(?:sent|uploaded|gave|provided|supplied|shared|took)(?: us| in)?)?\b|"
        # "face vs the license photo on file", "against their enrolment photo"
        r"\b(?:(?:the|their|his|her|a|an|our) )?(?:id|passport|licen[cs]e|driver's licen[cs]e|badge|staff|profile|enrol(?:l)?ment|"
        r"registration|account|member(?:ship)?|reference) (?:photos?|pictures?|images?|headshots?)(?: on file| we hold| we have)?\b|"
        r"\b(?:photos?|pictures?|images?|headshots?) on file\b|"
        # Faces gathered to teach the system who is who: "I pull their faces out of old clips to
        # train it", "the homeowner tags people in old clips" (the check itself runs later).
        r"\b(?:pull|take|grab|extract|cut|crop|collect)(?:s|ed|ing)? (?:their |the |all |people's |everyone's )?faces? "
        r"(?:out of|from|off) (?:[\w']+ ){0,3}?(?:clips?|footage|videos?|photos?|pictures?|recordings?)\b|"
        r"\b(?:tag|label|name)(?:s|ged|led|ed|ging|ling|ing)? (?:people|them|faces|everyone|family|friends) in (?:the |our |my |their )?"
        r"(?:old|past|existing|earlier|previous) (?:clips?|footage|videos?|photos?|pictures?|recordings?)\b",
        strength=SAYS_NOTHING,
        negated=DROP,
    ),
    # A collection of pictures already there is worked on afterwards: "20 years of family
    # photos on my laptop", "screenshots from movies", "pictures on social media".
    cue(
        "real_time",
        "no",
        r"\b(?:family|holiday|vacation|wedding|festival|old|personal|archived?|stock|social media|instagram|facebook|"
        r"activity|yearbook|school) (?:photos?|pictures?|pics|images?|videos?|footage|albums?|shots)\b|\bscreenshots?\b|"
        r"\b(?:photos?|pictures?|pics|images?|videos?|footage) (?:on|in|from) (?:my|our|his|her|their|the) "
        r"(?:laptop|phone|computer|drive|hard drive|archive|album|library|camera roll|gallery|cloud)\b|"
        r"\b(?:on|from) social media\b|\bscanned (?:forms?|documents?|negatives?|photos?|records?)\b|"
        r"\b(?:camera rolls?|photo librar(?:y|ies))\b",
        strength=WEAK,
    ),
    # Pictures someone already took are worked on afterwards: "we filmed the protest last
    # summer", "footage we shot at the rally".
    cue(
        "real_time",
        "no",
        r"\b(?:we|they|i|he|she|someone|somebody|bystanders?|officers?|witnesses?|(?:the|our|a) (?:crew|team|photographer)) "
        r"(?:had |have |has )?(?:filmed|videoed|videotaped|photographed|captured|snapped) "
        r"(?!(?:at|back)\b)|"
        r"\b(?:footage|videos?|photos?|pictures?|clips?|images?|shots) (?:that )?(?:we|they|i|he|she|someone|somebody|"
        r"(?:a|an|the|her|his|their|our|my) (?:[\w']+ )?[\w']+) "
        r"(?:had |have |has )?(?:shot|filmed|took|taken|recorded|captured|made|posted|sent|uploaded)\b",
        strength=WEAK,
    ),
    cue(
        "real_time",
        "no",
        r"\b(?:recorded|archived|stored|saved|historical|historic|old|past|uploaded|existing|"
        r"prerecorded|pre recorded|previously recorded|captured) (?:(?!a\b|an\b|the\b|their\b|his\b|her\b)[\w']+ ){0,2}"
        r"(?:footage|videos?|vids?|images?|photos?|"
        r"clips?|recordings?|material|stills|pictures|media|calls?|audio|conversations?|interviews?|cctv)\b|"
        r"\b(?:previously|already|was|were) recorded\b|\b(?:a|an|the|their|our|his|her) (?:[\w']+ )?recordings?\b|"
        r"\bretrospective(?:ly)?\b|\bpost (?:event|incident|hoc)\b|\bstills\b|\bstill (?:images?|photos?|frames?)\b|"
        r"\bafter (?:an?|the|each) (?:incident|event|arrest|crime|robbery|protest|shooting|burglary|theft|trip|"
        r"game|match|concert|festival|demonstration|riot|attack|meeting|visit|intervention|operation|raid|shift|"
        r"patrol|call ?out|interview|search|stop|session|race|event's end|fact|wedding|ceremony|show|party|exam|class|"
        r"classes|service|conference|tournament|performance)\b|"
        r"\b(?:hours|days|weeks|months) later\b|\bthe (?:next|following) (?:day|morning|evening|week|night)\b|"
        r"\b(?:at|by) the end of the (?:day|week|shift|night|month)\b|"
        r"\bthe (?:cctv|footage|video|recording|clip|tape) of (?:an?|the) (?:assault|robbery|theft|incident|crime|fight|attack|"
        r"break ?in|burglary|accident|shooting|stabbing|hit and run)\b|"
        r"\b(?:we've got|we have got|we have|we got|i've got|i have) (?:a|the|this) (?:photo|picture|image|still|screenshot|clip) of\b|"
        r"\b(?:we've got|we have got|we got|i've got|i have got|i got) (?:his|her|their|the|our|my|some) (?:[\w']+ ){0,2}?(?:footage|video|recordings?|clips)\b|"
        r"\b(?:from|using|with) (?:a|the) (?:photo|picture|image|still|screenshot) (?:of (?:a|the) (?:suspect|man|woman|person|passenger|"
        r"driver|customer)|(?:they|he|she|police|the police|detectives) (?:have|has|sent|gave|provided|shared))\b|"
        # (a day's meeting is no recording: "this morning's briefing" says nothing of timing)
        rf"\b(?:previous|last) (?:night|day|week)'s (?:[\w']+ )?{_MEDIA}\b|"
        rf"\b(?:yesterday|last (?:night|week|month|year)|this morning)'s (?:[\w']+ )?{_MEDIA}\b|\bforensics?\b|\bforensically\b|\barchives?\b|"
        r"\bon recordings\b",
        negated=FLIP,
        # (not the gallery matched against: "compare a face against our existing custody images")
        skip=r"\b(?:against|with) (?:the |our |their |a |its )?(?:existing|stored|archived|old|historical|saved) "
        r"(?:[\w']+ ){0,2}?(?:images?|photos?|pictures?|records?|footage)\b",
    ),
    # Media that already exist: photos in a case file, pictures people posted, prints
    # lifted at a scene. Not a gallery matched against ("against the photos in the EHR").
    cue(
        "real_time",
        "no",
        r"\b(?:photos?|pictures?|pics|images?|mug ?shots?|videos?|clips?) (?:in|from|on|attached to|stored in|kept in|"
        r"held in) (?:the |our |their |those |these |its |his |her |a |an )?(?:[\w']+ )?(?:files?|folders?|evidence|"
        r"records?|reports?|archives?|dossiers?|verbale|case ?files?|evidence (?:system|room|locker)s?)\b|"
        r"\b(?:attached|posted|shared|seized|confiscated|collected|submitted|old) (?:photos?|pictures?|pics|images?|videos?|clips?)\b|"
        rf"\b(?:pics|photos|pictures|images|videos|clips|posts) (?:{PEOPLE}|they|claimants|neighbou?rs|"
        r"policyholders) "
        r"(?:have |had )?(?:post|posted|upload|uploaded|share|shared|send|sent)\b|"
        r"\blatent (?:finger ?)?prints?\b|\blifted (?:from|at)\b|"
        # "a week of gas-station CCTV": recordings piled up over time.
        r"\b(?:a|an|one|two|three|four|five|several|few|\d+) (?:[\w']+ )?(?:hours?|days?|weeks?|months?|years?)(?:'s|')? "
        r"(?:worth )?of (?:[\w']+ ){0,3}?(?:cctv|footage|videos?|recordings?|tapes?|camera feeds?|clips)\b",
        skip=r"\b(?:against|with|to) (?:[\w']+ ){0,3}?(?:photos?|pictures?|pics|images?|mug ?shots?)"
        r"(?: (?:in|from|on|stored in|kept in|held in) (?:[\w']+ ){0,3}?[\w']+)?",
    ),
    cue(
        "real_time",
        "no",
        # A picture run against a gallery was taken before: "match a suspect photo against
        # our users' profile pictures", "run the embarkation photos against the watchlist".
        r"\b(?:run|runs|running|ran|match|matches|matched|matching|compare|compares|compared|comparing|check|checks|"
        r"checked|checking) (?:the |a |an |our |their |this |that |each |every )?(?:(?!live\b|real\b|camera\b)[\w']+ ){0,2}?"
        r"(?:photos?|pictures?|pics|stills?|snapshots?|selfies?|headshots?) (?:[\w']+ ){0,3}?(?:against|with)\b|"
        r"\b(?:pics|photos|pictures|videos|clips|footage) from (?:a |the |our |their |my |last )(?:[\w']+ ){0,2}?"
        r"(?:party|wedding|game|match|event|trip|weekend|wknd|wkend|night|concert|festival|holiday|vacation)\b",
        strength=WEAK,  # a live check of a selfie against an ID photo says so outright
    ),
    # Photos someone took are earlier material, unless the text says they are checked on the
    # spot ("the photo the kiosk takes is compared at once").
    cue("real_time", "no", rf"\b{_TAKEN}\b|\b(?:i|we|he|she|they|someone|somebody) (?:took|snapped|shot|grabbed) "
        r"(?:a |some |the )?(?:photos?|pics?|pictures?|snaps?|shots?|videos?)\b|"
        r"\b(?:the )?(?:day's|week's|today's|yesterday's) uploads\b|\b(?:photos?|pictures?) from (?:the )?(?:[\w']+ )?uploads\b",
        strength=WEAK),
    # A photo snapped of someone and named at once: "I snap a photo of someone at a bar and it
    # tells me who they are".
    cue("real_time", "yes", r"\bsnaps? (?:a )?(?:photo|pic|picture) of (?:someone|anyone|a stranger|people|a person|them|him|her)\b",
        strength=WEAK),
    # A check while people are being processed: "when we register the detained persons".
    cue(
        "real_time",
        "yes",
        r"\b(?:people|persons|suspects|detainees|arrestees|prisoners|those) being (?:booked|processed|checked in|"
        r"fingerprinted|admitted|registered)\b|"
        r"\bwhen (?:we|they|officers?|staff|the officers?) (?:register|book|process|check in|fingerprint|photograph) "
        r"(?:the |each |a |every )?(?:[\w']+ )?(?:persons?|people|detainees?|suspects?|arrestees?|prisoners?|visitors?|inmates?)\b",
    ),
    # Age and provenance of the material: "a week or two old", "downloaded videos".
    cue(
        "real_time",
        "no",
        # ("my 15 year old", "a 40-year-old man": a person's age, singular after a number)
        r"\b(?:a|an|one|two|three|few|several|couple of|\d+) (?:[\w']+ )?(?:days?|weeks?|months?|years?)"
        r"(?: or (?:two|three|so|more))? (?:old|ago)\b(?<!\d year old)(?<!\d month old)|\bnext day\b|\b(?:downloaded|scraped|archival) "
        r"(?:[\w']+ )?(?:videos?|footage|clips?|images?|photos?|pictures?|vlogs?)\b|"
        # Media handed over or pulled from a card were recorded before: "send doorbell clips",
        # "pull the SD cards".
        r"\b(?:send|sends|sent|sending|e-?mail(?:s|ed|ing)?|forward\w*|hand\w* over|pass(?:es|ed|ing)? on) (?:in |us |them |me )?(?:[\w']+ ){0,2}?"
        r"(?:clips?|footage|recordings?|videos?|photos?|pictures?|stills?|cctv|screenshots?)\b|\b(?:sd|memory) cards?\b|"
        # Material that exists already: "the photos in those files", "recordings of 911 calls",
        # "hours of concert fancams people uploaded".
        r"\b(?:photos?|pictures?|images?|stills|mug ?shots?) (?:in|from) (?:the |those |these |our |their |its )?(?:case |old |police )?files\b|"
        r"\brecordings? of (?:the |their |past |old |all |our )?(?:[\w']+ )?(?:calls?|interviews?|meetings?|hearings?|"
        r"sessions?|lectures?|broadcasts?|webinars?|podcasts?)\b|"
        r"\bhours of (?:[\w']+ ){0,2}?(?:footage|videos?|recordings?|fancams?|clips?|tape)\b|"
        r"\b(?:fancams?|clips?|videos?|photos?|pictures?|posts) (?:that )?(?:people|fans|users|viewers|others|they|someone) "
        r"(?:have |had )?(?:uploaded|posted|shared)\b|"
        r"\b(?:grabad[oa]s?|gravad[oa]s?|enregistr[ée]e?s?|aufgezeichnet\w*|despu[ée]s|depois|apr[eè]s coup|"
        r"nachtr[aä]glich|en diferido)\b",
        negated=FLIP,
    ),
    cue(
        "real_time",
        "no",
        r"\bfaces? (?:in|on|from) (?:the |our |their |old |existing |these |those |booking |archived |stored )?"
        r"(?:photos?|pictures?|pics|stills|snapshots?|screenshots?)\b|\b(?:runs?|running|done|processed) offline\b",
        strength=WEAK,
        skip=r"\b(?:against|with|to) (?:[\w']+ ){0,3}?(?:photos?|pictures?|pics|images?)\b",
    ),
    # Other languages in a mixed message: "en vivo", "ao vivo", "en temps réel".
    cue("real_time", "yes", r"\ben (?:vivo|directo|direct)\b|\bin direct\b|\bin diretta\b|\bao vivo\b|\b(?:tiempo|tempo) real\b|\btemps r[ée]el\b|"
        r"\bin tempo reale\b|\becht ?zeit\b|\bna żywo\b"),
    # ("later" the people's own act is no timing: "some guests later say they want to cancel")
    # ("if later we connect it to the live feed": a step in the future, not a review afterwards)
    cue("real_time", "no", r"(?<!\bif )(?<!\bmaybe )(?<!\bperhaps )\blater\b(?!,? (?:on,? )?(?:we|they|i|you|it|he|she|the \w+) (?:\w+ )?(?:connect|add|hook|plug|link|switch|turn|extend|expand|roll|move|go|upgrade|integrate)\w*\b)(?! (?:say|says|said|decide[sd]?|ask(?:s|ed)?|want(?:s|ed)?|withdr\w+|change[sd]?|"
        r"complain\w*|object\w*|refuse[sd]?|opt\w*|tell|told|revoke[sd]?|cancel\w*)\b)|\bbatch(?:es)?\b|\bovernight\b",
        strength=WEAK),
]
