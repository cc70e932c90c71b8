"""Identification told by a verb and its object: "identify a robbery suspect from CCTV
stills", "verify enrolled employees by face", "compare a suspect photo against mugshots",
"find out who someone is".

Identifying people is facial recognition when the text shows faces or images of them,
other biometric identification when the same sentence names voice, gait, iris or
fingerprints, and nothing at all when the text does not say how.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rag.facts.cues import PEOPLE
from rag.facts.scope import Polarity, polarity
from rag.facts.text import NormText

__all__ = ["UNSAID", "IdentHit", "find_identification", "shows_images"]

UNSAID = "unsaid"  # an identification whose means the text does not give

_IMAGES = (
    r"(?:photos?|photographs?|pictures?|images?|mug ?shots?|selfies?|headshots?|portraits?|"
    r"snapshots?|stills?|sketch(?:es)?|faces?|likeness(?:es)?|footage)"
)
_WHO = r"(?:who|identit(?:y|ies)|names?)"
_GAP = r"(?:[\w']+ ){0,3}?"
# The same gap, but not through an animal: "match cat faces" tells which cat, not who.
_PERSON_GAP = (
    r"(?:(?!(?:cats?|dogs?|pets?|animals?|cows?|cattle|horses?|sheep|pigs?|birds?|bears?|deer|puppies|kittens)\b)"
    r"[\w']+ ){0,3}?"
)
_ACTIVE = re.compile(
    r"\b(?:identif(?:y|ies|ied|ying|ication)|re identif(?:y|ies|ied|ying|ication)|"
    r"recogni[sz](?:e|es|ed|ing)|recognition of|verif(?:y|ies|ied|ying|ication)|"
    r"authenticat(?:e|es|ed|ing|ion)|unmask(?:s|ed|ing)?|"
    # "ID" the verb, not the noun ("the truck ID already tells us who it is")
    r"id(?! (?:already|also|just|tells?|says?|shows?|numbers?|cards?|badges?|is|was|will)\b)|id'ing|ids(?= (?:random|every|all|the|any))|flag(?:s|ged|ging)?|"
    # "spot when a resident has fallen" is an event, not a person told apart
    r"spot(?:s|ted|ting)?(?! (?:when|if|whether|that|where|how)\b)(?! (?:any|a|an|every|each) (?:person|people|one|human|"
    r"body|individual|figure|hiker|swimmer)\b)(?! anyone\b)(?! anybody\b)"
    # (people in trouble spotted are an event: "spot swimmers caught in rips")
    r"(?!(?: [\w']+){1,2} (?:caught in|in distress|in trouble|in danger|drowning|lying|falling|who (?:fall|fell|need|are in)))|"
    r"pick(?:s|ed|ing)? out|single(?:s|d)? out|i\.d\.|put(?:s|ting)? (?:a )?names? (?:to|on)|"
    r"(?:establish|confirm|reveal|determin|learn|discover|uncover|check)(?:e|es|ed|ing|s)?)"
    # ("pick out known troublemakers", "single out hooligans": people by what they are known for)
    rf" (?:of )?{_GAP}(?:{PEOPLE}|{_WHO}|troublemakers?|hooligans?|ultras|agitators?|known (?!issues?\b|problems?\b|bugs?\b)[a-z]+s)\b|"
    # "looked up who they are", "work out who he is", "figure out who the guy is"
    r"\b(?:look(?:s|ed|ing)? up|work(?:s|ed|ing)? out|figur(?:e|es|ed|ing) out|find(?:s|ing)? out|found out) "
    r"who (?:[\w']+ ){0,2}?(?:is|are|was|were)\b|"
    # "identifies in real time any person on the street"
    rf"\bidentif(?:y|ies|ied|ying) (?:live |instantly |immediately |automatically |in (?:real|near real) time )(?:any|every|each|the) {PEOPLE}\b|"
    r"\bput(?:s|ting)? (?:a )?names? (?:to|on) (?:him|her|them)\b|"
    # One person found among many: "the drone finds that person in the crowd".
    rf"\b(?:find|finds|found|finding|locate|locates|locating|spot|spots|spotting) (?:that|the|this|a|each|every|your|their|my|her|his) "
    rf"(?:same |one |particular |specific )?(?:person|friend|man|woman|child|kid|{PEOPLE}) (?:in|among|across) (?:the |a |any |all )?"
    r"(?:crowds?|footage|videos?|feeds?|streams?|photos?|pictures?|images?|recordings?|cctv|festival|stadium)\b|"
    # Looking through a scene for particular people: "a drone over the market, looking for suspects".
    r"\b(?:look|search|scan|hunt|watch)(?:s|ed|ing)? (?:out )?(?:the (?:crowd|crowds|market|street|footage|feed) )?for "
    r"(?:wanted |known |specific |particular |listed )?(?:suspects?|fugitives?|wanted (?:people|persons?|men|women|individuals))\b"
)
# Footage run through the AI is processed, not matched: "run the footage through AI to write
# up the report".
_THROUGH_AI = (
    r" (?:through|via|into|with|using) (?:the |an |a |our |their )?(?:ai|a\.i\.|model|llm|gpt\w*|azure|openai|"
    r"chatgpt|copilot|language model)\b"
)
_COMPARE = re.compile(
    # (not "a charity-run visitor centre": run as in managed by)
    r"(?<!charity )(?<!council )(?<!family )(?<!privately )(?<!publicly )(?<!volunteer )(?<!community )(?<!church )"
    r"(?<!government )(?<!locally )(?<!state )(?<!city )(?<!church )"
    r"\b(?:match(?:es|ed|ing)?(?! (?:reports?|days?|fixtures?|highlights?|results?|tickets?|programmes?|officials?))|compar(?:e|es|ed|ing)|look(?:s|ed|ing)? up|check(?:s|ed|ing)?|"
    r"run(?:s|ning)?|search(?:es|ed|ing)?)"
    rf" {_PERSON_GAP}(?:{PEOPLE}|{_IMAGES})\b(?:(?!{_THROUGH_AI}) [\w']+){{0,4}}(?!{_THROUGH_AI}) (?:against|with|to|through|in|on)\b"
)
# "flag, as it happens, anyone on our violent-patients list", "tells you if they're on the
# warrant list": picking listed people out.
_LISTED = re.compile(
    r"\b(?:flag(?:s|ged|ging)?|spot(?:s|ted|ting)?|pick(?:s|ed|ing)? out|catch(?:es|ing)?|alert(?:s|ed|ing)? (?:on|to))\b"
    r"(?:,? [\w']+){0,5},? (?:anyone|anybody|people|persons?|someone|those|individuals?|visitors?|customers?|guests?)"
    r"(?: [\w']+){0,2} (?:on|in|from) (?:our |the |a |their |its )?(?:[\w'-]+ ){0,2}?(?:list|watch ?list|database|db|register)\b|"
    r"\b(?:pick(?:s|ed|ing)? out|spot(?:s|ted|ting)?|flag(?:s|ged|ging)?)(?:,? [\w']+){0,3},? anyone (?:we|they|you)(?:'ve| have)? "
    r"(?:banned|barred|blacklisted|excluded)\b|"
    r"\b(?:tells?|know|knows|check(?:s|ing)?|see|find out|confirm(?:s|ing)?)\b(?: [\w']+){0,3} (?:if|whether) "
    r"(?:he|she|they|the person|someone|a person|the driver|it|anyone|that person)(?:'s|'re)? (?:is |are )?(?:on|in) "
    r"(?:the |a |our |their )?(?:[\w'-]+ ){0,3}?(?:list|watch ?list|database|register)\b"
)
# "tell the trooper, during the stop, if the driver is on the wanted list", "inform the command
# post if any individual from the barred list is seen", "say immediately if he is in the
# database", "tells us right there if he's our fugitive": told whether a person seen is one
# of a list, or the one sought. (A car or plate on a hotlist is not a person.)
_LIST_WORDS = (
    r"(?:list|watch ?list|black ?list|hot ?list|database|db|register|registry|records?|files?|dossiers?|"
    r"gallery|wanted persons?|wanted people)"
)
_SUBJECT = (
    r"(?:he|she|they|it|someone|somebody|anyone|anybody|one|any ?one|any (?:[\w']+ ){0,2}?|"
    r"(?:the|that|this|a|each|every) (?!(?:car|cars|vehicle|vehicles|plate|plates|truck|van|number|bag|package)\b)[\w']+)"
)
_TOLD_IF_LISTED = re.compile(
    r"\b(?:tell|tells|telling|say|says|inform|informs|notify|notifies|alert|alerts|warn|warns|signal|signals|"
    r"show|shows|indicate|indicates|check|checks|checking|see|find out|confirm|confirms|know|knows|"
    r"determine|determines|ping|pings|beep|beeps|buzz|buzzes|let (?:[\w']+ )?know)\b"
    r"(?:,? [\w']+){0,8},? (?:if|whether|when|the moment|as soon as) "
    rf"{_SUBJECT}(?: [\w']+){{0,6}}? ?(?:is|are|was|'s|'re|appears?|shows? up|turns? up|matches|features)"
    rf" (?:[\w']+ ){{0,3}}?(?:(?:on|in|from|among|against|one of) (?:the |our |a |their |its |any )?(?:[\w'-]+ ){{0,3}}?{_LIST_WORDS}\b|"
    r"(?:our|the) (?:wanted )?(?:fugitive|suspect|target|subject|person of interest|missing (?:person|child|kid|man|woman)|"
    r"registered owner|account holder|card ?holder|right person|same person))|"
    # "... if anyone from the banned list is in the crowd"
    r"\b(?:tell|tells|say|says|inform|informs|notify|notifies|alert|alerts|warn|warns|signal|signals|show|shows|"
    r"flag|flags|ping|pings|beep|beeps|see|sees|get|gets|display|displays|check|checks|checking|know|knows|confirm|"
    r"confirms|spot|spots|let (?:[\w']+ )?know)\b"
    r"(?:,? [\w']+){0,8},? (?:if|whether|when|the moment|as soon as) "
    r"(?:any(?:one|body)?|someone|somebody|a person|people|persons|individuals?) (?:[\w']+ ){0,2}?(?:from|on|in) "
    rf"(?:the |our |a |their )?(?:[\w'-]+ ){{0,3}}?{_LIST_WORDS} (?:is|are|appears?|shows? up|turns? up|passes|walks|enters|comes)\b"
)
# "any bad character from our dossier gets flagged", "anyone on the barred list is spotted".
_LISTED_PASSIVE = re.compile(
    rf"\b(?:any(?:one|body)?|those|people|persons?|individuals?) (?:[\w']+ ){{0,3}}?(?:from|on|in) (?:the |our |a |their )?"
    rf"(?:[\w'-]+ ){{0,3}}?{_LIST_WORDS}(?: [\w']+){{0,6}}? (?:gets?|is|are|will be|would be) "
    r"(?:flagged|spotted|seen|detected|picked out|identified|recogni[sz]ed|caught|sighted)\b"
)
# "find every photo of this person": a search by who is in the picture.
_PHOTOS_OF = re.compile(
    r"\b(?:find(?:s|ing)?|search(?:es|ing)? (?:the web |online |the internet |social media )?for|look(?:s|ing)? for) "
    r"(?:other |more |all |every |any )?(?:photos?|pictures?|images?|profiles?) of (?:them|him|her|that person|this person|"
    r"the (?:applicant|candidate|tenant|suspect|person|man|woman|claimant))\b|"
    r"\b(?:find|finds|finding|search|show|shows|list|pull up|gather|group)(?:es|ed)? (?:for )?(?:every|all|each|any)"
    r"(?: the)? (?:photos?|pictures?|images?|shots?|videos?|clips?|frames?) (?:of|with|showing|containing|featuring) "
    r"(?:this|a|the same|that|one|a given|a specific|a particular|each|my|your|their) "
    r"(?:person|individual|face|man|woman|child|kid|friend|relative|people|guy|girl|boy)\b"
)
# "tell us from the voice whether a suspect is the same man as on the wiretap".
_SAME_PERSON = re.compile(
    r"\b(?:tell|tells|say|says|check|checks|confirm|confirms|see|know|determine|establish|flag|flags)\b(?: [\w']+){0,5} (?:whether|if) "
    r"(?:(?:[\w']+ ){0,3}?(?:is|are|was|were|isn't|wasn't|is not|was not) )?the same (?:man|woman|person|people|individual|suspect|guy|driver|candidate)\b|"
    # asked outright: "is this the same guy as the lineup photo?", "see if it's the same guy"
    r"\b(?:is|are|it's|its|it is) (?:(?:this|that|these|they|he|she) )?the same (?:guy|person|man|woman|individual|people|suspect|kid)\b|"
    # "work out if it's the bloke from flat 3"
    r"\b(?:work|works|worked|figure|figures|figured|find|finds|found) out (?:if|whether) (?:it's|it is|it was|that's|he's|she's) "
    r"(?:the|my|our|that|this) (?:[\w']+ )?(?:bloke|guy|man|woman|person|kid|lad|neighbou?r|tenant|chap|fella|girl|boy)\b"
)
# "remembered repeat customers' faces", "told me if any of them are famous": people known
# again, or named as someone known.
_KNOWN_AGAIN = re.compile(
    rf"\bremember(?:s|ed|ing)? (?:the |their |each |every )?(?:[\w']+ )?(?:{PEOPLE})(?:'s|s')? faces?\b|"
    r"\bremember(?:s|ed|ing)? (?:the |their |each |every )?faces? of\b|"
    r"\b(?:tell|tells|told|say|says|show|shows|flag|flags|let (?:me|us) know)(?: me| us| you)? (?:if|whether|which|who) "
    r"(?:any (?:of them|one)|anyone|someone|they|he|she|the person|any of the \w+)(?: [\w']+){0,2}? (?:is|are|was|were|'s|'re) "
    r"(?:famous|a celebrity|celebrities|well known|a public figure|public figures|known)\b"
)
# "each face linked to the shopper's loyalty account": a face given an identity.
_LINKED = re.compile(
    rf"\b(?:link(?:s|ed|ing)?|tie(?:s|d)?|tying|connect(?:s|ed|ing)?|attach(?:es|ed|ing)?|match(?:es|ed|ing)?) "
    rf"(?:each |every |the |a |their |his |her )?(?:faces?|{PEOPLE})(?:'s|s')? (?:[\w']+ ){{0,2}}?(?:to|with) "
    r"(?:the |their |his |her |a |an |each )?(?:[\w']+ ){0,2}?(?:accounts?|profiles?|identit(?:y|ies)|names?|records?|ids?)\b|"
    r"\bfaces? (?:[\w']+ ){0,2}?(?:linked|tied|connected|attached|matched) (?:to|with) (?:the |their |a |an )?(?:[\w']+ ){0,2}?"
    r"(?:accounts?|profiles?|identit(?:y|ies)|names?|records?|ids?)\b"
)
_WHO_IS = re.compile(
    # (Not "the truck ID already tells us who it is": a badge or an ID says it, not a face.)
    r"\b(?<!id )(?<!badge )(?<!card )(?<!login )(?<!account )(?<!plate )(?<!tag )(?<!fob )(?<!pin )"
    r"(?<!id already )(?<!badge already )(?<!card already )(?<!login already )"
    r"(?:(?:find|found|figur(?:e|ed|ing)|work(?:ed|ing)?) out|tell(?:s|ing)?|(?<!already )(?<!we )(?<!i )know(?:s|ing)?|"
    r"learn(?:s|ed|ing)?|see|determin(?:e|es|ed|ing)|establish(?:es|ed|ing)?|name|tag(?:s|ged|ging)?|"
    r"label(?:s|led|ling)?) (?:u |you |me |us |them )?who\b|"
    # "an AI tells detectives who's in the video"
    r"\b(?:tell(?:s|ing)?|show(?:s|ing)?|inform(?:s|ing)?) (?:the )?(?:[\w']+ ){1,2}?who(?:'s| is| are) (?:in|on) "
    r"(?:the |that |this |each |their )?(?:videos?|footage|clips?|photos?|pictures?|images?|frames?|recordings?|stills?)\b|"
    # "recognise which regular is shouting", "work out which member it was"
    r"\b(?:recogni[sz]\w*|identif\w*|tell|know|knows|work(?:s|ed)? out|figur\w+ out|determin\w*) which "
    r"(?:[\w']+ )?(?:regular|member|customer|player|person|guest|patron|caller|resident|tenant|worker|employee|"
    r"student|one of them|of them)s? (?:is|was|it is|it was|are|were)\b|"
    # "point your phone at a classmate and it shows their name": a name put to a face seen.
    r"\b(?:shows?|showing|displays?|gives?|tells?|pulls? up|brings? up) (?:you |me |us |them )?"
    r"(?:their|his|her|the person's|that person's|someone's) (?:full )?(?:names?|identit(?:y|ies)|profiles?)\b"
)
_PASSIVE = re.compile(
    rf"\b(?:{PEOPLE}|faces?) (?:[\w']+ ){{0,3}}?(?:identified|recogni[sz]ed|verified|matched|unmasked)\b|"
    # "shoplifters caught on camera would be identified later": the auxiliary marks the passive
    rf"\b(?:{PEOPLE}|faces?) (?:[\w',]+ ){{0,8}}?(?:be|been|being|get|gets|got|gotten|are|is|were|was) "
    r"(?:[\w']+ )?(?:identified|recogni[sz]ed|unmasked)\b"
)
# "get possible identities back", "the system suggests identities".
_IDENTITIES = re.compile(
    r"\b(?:suggest|return|propose|give|get|provide|produce|list|show|offer)(?:s|ed|ing)? (?:[\w']+ ){0,3}?"
    r"(?:identit(?:y|ies)|names of)\b|\b(?:possible|candidate|likely|suggested|potential|probable) identit(?:y|ies)\b|"
    # "return the top-10 candidates from the booking photo DB", "click 'Find matches'"
    r"\b(?:top ?\d+|top (?:ten|five|twenty)|ranked|possible|likely) (?:candidates|matches)\b|"
    r"\bcandidates? (?:from|in) (?:the |our |their )?(?:[\w'-]+ ){0,2}?(?:db|database|gallery|archive|photos?)\b"
)
# "scan CCTV for the faces of missing children", "watch the feed for known offenders".
_SEARCH_FOR = re.compile(
    r"\b(?:scan(?:s|ned|ning)?|search(?:es|ed|ing)?|look(?:s|ed|ing)?|watch(?:es|ed|ing)?|comb(?:s|ed|ing)?) "
    r"(?:[\w']+ ){0,8}?for (?:the )?(?:faces? of|known|wanted|missing|specific|particular|listed)\b"
)
# "keep matching her anyway", "we'd scan them anyway", "search_watchlist(embedding)": a person
# named by a pronoun, or a list searched, told apart.
_PRONOUN_OR_LIST = re.compile(
    r"\b(?:match(?:es|ed|ing)?|scan(?:s|ned|ning)?|recogni[sz](?:e|es|ed|ing)|identif(?:y|ies|ied|ying)|"
    r"verif(?:y|ies|ied|ying)) (?:him|her|them|each of them|all of them)\b(?! (?:up|out|off|down|to|for|with|against)\b)|"
    r"\bsearch(?:es|ed|ing)? (?:the |a |our |their )?(?:[\w']+ )?(?:watch ?lists?|hot ?lists?|wanted lists?)\b|"
    r"\blook(?:s|ed|ing)? (?:him|her|them) up\b|"
    r"\b(?:ping|pings|alert|alerts|flag|flags|notify|notifies|warn|warns|tell|tells|buzz|buzzes|text|texts|beep|beeps|"
    r"message|messages|call|calls)\b(?: [\w']+){0,5}? (?:if|when|whenever|the moment) "
    r"(?:one|any|some|either) of (?:them|those|these)\b|"
    r"\btell(?:s|ing)? (?:u|you|me|us|them) (?:[\w']+ ){1,3}?who (?:is|are|'s)\b|"
    # "ping when somebody w/ an active warrant walks past"
    r"\b(?:ping|pings|alert|alerts|flag|flags|notify|notifies|warn|warns|buzz|buzzes|beep|beeps)\b(?: [\w']+){0,5}? "
    r"(?:when|if|whenever|the moment) (?:somebody|someone|anyone|anybody|a person|people) (?:w|with|who has|who have|that has) "
    r"(?:an? |any )?(?:active |outstanding |open )?(?:warrants?|criminal records?|arrest warrants?)\b|"
    # "the retrospective identification, by Agency analysts, of persons depicted in stills"
    r"\bidentification,? (?:[\w']+,? ){0,5}?of (?:the )?(?:persons?|people|individuals?|suspects?)\b|"
    r"\b(?:watch ?list|hot ?list) (?:searches|search|lookups?|look ups?)\b"
)
# "skip anyone who matches the suspect list": matching people against a list.
_MATCHES_LIST = re.compile(
    r"\b(?:anyone|anybody|people|those|persons?|individuals?|faces?|someone) (?:who|that) (?:match|matches|matched) "
    r"(?:the |a |an |our |their |any )?(?:[\w'-]+ ){0,2}?(?:list|watch ?list|database|db|gallery|register)\b"
)
_NOBODY = re.compile(
    r"\b(?:nobody|no one|noone|no (?:[\w']+ ){0,1}(?:people|persons?|individuals?|one))\b|"
    # "so no protester can be identified": whoever they are, nobody is.
    r"\bno [\w']+ (?:can|could|will|would|gets?|is|are) (?:ever )?(?:be )?(?:identified|recogni[sz]ed|named)\b"
)
_OTHER_BIO = re.compile(
    r"\b(?:gait|voices?|voiceprints?|speech|speakers?|audio|iris(?:es)?|retina[ls]?|fingerprints?|"
    r"finger prints?|palm ?prints?|palms?|veins?|dna|ears?|keystrokes?|typing|handwriting|"
    r"signatures?|heartbeats?|the way (?:they|people|he|she) walk|how (?:they|people|he|she) walks?)\b"
)
# Modalities that are biometric whatever the sentence ("audio" is not one).
_BIOMETRIC = re.compile(
    r"\b(?:gait|voiceprints?|voice prints?|iris(?:es)?|retina[ls]?|fingerprints?|palm ?prints?|veins?|dna|"
    r"the way (?:they|people|he|she) walks?)\b"
)
_FACES = re.compile(r"\b(?:faces?|facial|face's)\b")
# A token people carry, as the means of telling who they are: "by their bib number".
_TOKEN_MEANS = re.compile(
    r"\bby (?:their |his |her |the |its |each [\w']+'s )?(?:bib|race|jersey|shirt|start|ticket|seat|badge|member(?:ship)?) "
    r"numbers?\b|\bby (?:their |his |her |the )?(?:bibs?|wristbands?|barcodes?|qr codes?|rfid (?:tags?|chips?)|name tags?|"
    r"badges?|tickets?|jersey numbers?)\b"
)
_NO_NEED = re.compile(
    r"\b(?:never|not|\w+n't|dont|doesnt|no|without) (?:ever )?(?:need|needs|needed|needing|have|has|had|having) "
    r"to (?:[\w']+ )?$"
)
_VISUAL = re.compile(
    r"\b(?:faces?|facial|photos?|photographs?|pictures?|images?|imagery|videos?|footage|cameras?|cams?|"
    r"cctv|bodycams?|bwcs?|body worn|dashcams?|stills|mug ?shots?|selfies?|headshots?|portraits?|snapshots?|frames?|clips?|"
    r"webcams?|live ?streams?|visual(?:ly)?|by sight|appearance|drones?|glasses|kiosks?|sketch(?:es)?|doorbells?|"
    # pictures worked on: "the blur step", "pixelated"
    r"blur(?:s|red|ring)?|pixelat\w+|"
    r"driver's licen[cs]es?|tablets?|smartphones?|"
    r"point(?:s|ing)? (?:it|the [\w']+|(?:ur|your|my|his|her|their|a|our) [\w']+) (?:at|to|towards)|"
    r"vision (?:models?|ai|systems?|api)|(?:gpt ?4o?|gpt ?4 ?v|computer|azure|ai) vision|snap(?:s|ped|ping)?|camera rolls?|in(?:to)? view|on camera|in frame|"
    # footage by another name: "identified later from the recordings" (voices are named apart)
    # ("call recordings", "audio recordings" are no pictures)
    r"(?<!call )(?<!calls )(?<!audio )(?<!voice )(?<!phone )(?<!911 )(?<!meeting )(?<!podcast )recordings?|surveillance|"
    # a camera's stream by its name: "our live downlink", "the video feed", "aerial footage"
    r"downlinks?|(?:live|video|camera|drone|cctv|bodycam|dashcam|security) feeds?|aerial|overhead shots?|"
    r"(?:from|on|with|using|through) (?:a|the|their|his|her|my|your|our) (?:smart)?phone)\b"
)


@dataclass(frozen=True)
class IdentHit:
    value: str  # a `Use` value
    start: int  # norm offsets
    end: int
    negated: bool
    negator_start: int | None = None


def _sentence_span(nt: NormText, start: int) -> tuple[int, int]:
    """Norm offsets of the sentence holding norm position `start`."""
    first, last = nt.sentence(nt.token_at(start))
    if last <= first:
        return start, start
    return nt.tokens[first].start, nt.tokens[last - 1].end


# "identify voices on the intercepts", "verify fingerprints", "match faces": the thing
# matched names the modality.
_MODALITY = re.compile(
    r"\b(?:identif(?:y|ies|ied|ying)|recogni[sz](?:e|es|ed|ing)|verif(?:y|ies|ied|ying)|match(?:es|ed|ing)?|"
    r"compar(?:e|es|ed|ing)|authenticat(?:e|es|ed|ing))"
    r" (?:[\w']+ ){0,2}?(?:voices?|voiceprints?|speakers?|callers?|fingerprints?|irises|iris scans?|gait)\b"
)


# "not names, just following the same individuals", "no names attached": people picked out
# and followed without being told who they are are tracked, not identified (§2.1).
_NO_NAMES = re.compile(
    r"\b(?:no|not|without(?: any)?|never) names?\b(?! (?:of|on|for|list)\b)|"
    r"\b(?:don't|do not|doesn't|does not|won't|wouldn't|never) need (?:their |any |real )?names?\b|"
    r"\bnames? (?:are |is |will be |would be )?(?:never|not) (?:attached|used|needed|stored|known|collected)\b"
)


_INNER_NOT = re.compile(r"\b(?:not|never|\w+n't)\b")


def shows_images(nt: NormText) -> bool:
    """Whether the text speaks of pictures, video or faces at all."""
    return _VISUAL.search(nt.norm) is not None


def find_identification(nt: NormText) -> list[IdentHit]:
    """Every place the text speaks of identifying people, with how (a `Use` value)."""
    text = nt.norm
    nameless = _NO_NAMES.search(text) is not None
    visual = _VISUAL.search(text) is not None
    faces = _FACES.search(text) is not None
    other_bio = [m.start() for m in _OTHER_BIO.finditer(text)]
    biometric = _BIOMETRIC.search(text) is not None
    hits: list[IdentHit] = []
    for pattern in (_ACTIVE, _COMPARE, _LISTED, _TOLD_IF_LISTED, _LISTED_PASSIVE, _PHOTOS_OF, _SAME_PERSON,
                    _LINKED, _KNOWN_AGAIN, _WHO_IS, _PASSIVE, _IDENTITIES, _SEARCH_FOR, _MODALITY,
                    _PRONOUN_OR_LIST, _MATCHES_LIST):
        for m in pattern.finditer(text):
            s0, s1 = _sentence_span(nt, m.start())
            k = bisect.bisect_left(other_bio, s0)
            if _FACES.search(m.group()):
                # "summarise bodycam audio and match faces in the footage": the faces say how.
                value = "facial_recognition"
            elif _TOKEN_MEANS.search(text, s0, s1) and not _FACES.search(text, s0, s1):
                # "runners tagged in the drone footage by their bib number": told by a number
                # they wear, not by their faces.
                value = "non_biometric"
            elif k < len(other_bio) and other_bio[k] < s1:
                value = "other_biometric_identification"
            elif biometric and not faces:
                # "a gait recognition library ... to spot known offenders on CCTV"
                value = "other_biometric_identification"
            elif visual:
                value = "facial_recognition"
            else:
                value = UNSAID  # identifying, but the text does not say by what
            scope = polarity(nt, m.start(), m.end())
            if scope.polarity is Polarity.neutral:
                continue
            # "it never needs to know who anyone is": no need to identify is no identifying.
            needless = _NO_NEED.search(text, max(0, m.start() - 40), m.start())
            # "faces wouldn't be recognised": the passive's own auxiliary is negated.
            inner = pattern is _PASSIVE and _INNER_NOT.search(m.group()) is not None
            negated = (scope.polarity is Polarity.negated or needless is not None
                       or _NOBODY.search(m.group()) is not None or nameless or inner)
            hits.append(IdentHit(value, m.start(), m.end(), negated, scope.negator_start))
    return hits
