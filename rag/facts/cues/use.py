"""use: facial recognition, other biometric identification, surveillance and tracking, or a use
that identifies nobody. Identification told by a verb and its object is read in
`identification.py`."""

from __future__ import annotations

from rag.facts.cues.base import PEOPLE, WEAK, cue

__all__ = ["CUES"]

# Whose location: a person ("drivers'", "each rider's", "their").
_WHOSE = rf"{PEOPLE}(?:'s|s')?|his|her|their|each one's|everyone's"
_DEVICE = r"gps|phone|cell ?phone|mobile|device|vehicle|car|van|truck|live|real time"

CUES = [
    # Told apart by a token they carry: "runners tagged by their bib number" (weak: faces
    # named as well keep the stricter use).
    cue("use", "non_biometric",
        r"\bby (?:their |his |her |the |its |each [\w']+'s )?(?:bib|race|jersey|shirt|start|ticket|seat) numbers?\b|"
        r"\bby (?:their |his |her |the )?(?:bibs?|wristbands?|barcodes?|qr codes?|rfid (?:tags?|chips?)|name tags?)\b",
        strength=WEAK),
    cue(
        "use",
        "facial_recognition",
        r"(?<!fall under the )(?<!falls under the )(?<!fall under )(?<!falls under )(?<!count as )(?<!counts as )"
        r"(?<!come under the )(?<!comes under the )(?<!classed as )(?<!considered )"
        r"\bfac(?:e|es|ial) ?(?:recogni[sz]ing|recognition|recog|rec|matching|matches|match|id|ids|identification|"
        r"identifying|identify|verification|verifying|verify|search|searches|searching|scan|scans|scanning|"
        r"comparison|comparisons|compare|comparing|biometrics?|lookup|look up|surveillance|print|prints|alerts?|clocks?|clock ?ins?|"
        r"geometry|unlock|authentication|recognizer|pass|passes|entry|boarding|check ?in|pay|payments?|login|log ?in|"
        r"tickets?|keys?)\b"
        r"(?!(?: ?/| or| and)? (?:(?:police|law enforcement|surveillance) )?(?:restrictions?|rules?|ban|bans|polic(?:y|ies)|"
        r"clauses?|limits?|provisions?|part|section|news|laws?)\b)"
        # An animal's face identifies no person: "face ID on dairy cows".
        r"(?! (?:on|of|for) (?:the |our |their |my |dairy |beef |farm |pet )?(?:cows?|cattle|dogs?|cats?|pets?|animals?|"
        r"horses?|sheep|pigs?|livestock|birds?|goats?|herd)\b)"
        # Face recognition naming a trade or a subject, not what is done: "a face-recognition
        # vendor's program", "FR researchers", "a face recognition audit".
        r"(?! (?:vendors?|vendor's|compan(?:y|ies)|company's|firms?|firm's|startups?|providers?|makers?|suppliers?|industry|"
        r"market|sector|researchers?|experts?|debate|articles?|papers?|conferences?|regulations?|audits?|lectures?|"
        r"courses?|essays?|thesis)\b)"
        # "does microsoft's face recognition thing block that?": the rule named, not a use.
        r"(?! (?:thing|stuff) (?:(?:even|really|actually|still|also) )?(?:block|ban|cover|apply|affect|stop|prohibit|forbid|allow|touch|"
        r"matter|reach|concern|come into|mean)s?\b)"
        r"(?! (?:stuff|things|issues?|debates?|stor(?:y|ies)|news|headlines?|controvers(?:y|ies)|scandals?) (?:in|on|from|of|around)\b)|"
        r"\b(?:which|whether|if) (?:faces?|people|persons?) (?:are|is) the same (?:person|people|individual)\b|"
        r"\bfaceid\b|\bclearview\b|\bfrt\b|"
        # "can cops still use it to run faces": faces run against records.
        r"\b(?:run|runs|ran|running) (?:the |their |these |those |his |her )?faces\b(?! (?:through|past|into) (?:a |the )?(?:blur|filter|redaction))|"
        r"\b(?:identif\w+|recogni[sz]\w+|verif\w+|match(?:es|ed|ing)?|compar(?:e|es|ed|ing)|scan(?:s|ned|ning)?|pick(?:s|ed|ing)? out|"
        # (not an animal's: "match cat faces")
        r"check(?:s|ed|ing)?) (?:(?!(?:cats?|dogs?|pets?|animals?|cows?|cattle|horses?|sheep|pigs?|birds?|bears?|deer)\b)[\w']+ ){0,2}?"
        r"faces?\b(?! (?:are|is) (?:covered|hidden|visible|blurred))|"
        # "tag the same faces across different videos": faces told apart and named.
        r"\btag(?:s|ged|ging)? (?:the |every |each |all )?(?:same )?faces?\b|"
        # A switch of means in a follow-up: "what if it used their face instead of the iris?"
        r"\bfaces?\b(?: [\w']+){0,2} (?:instead of|rather than|in place of)\b|"
        # ... or told as a switch: "switch it to faces", "change that over to their face".
        r"\b(?:switch|switches|switched|switching|change|changes|changed|changing|swap|swaps|swapped|move|moved|"
        r"turn|turned) (?:it |that |this |them |the (?:[\w']+ )?)?(?:over )?to (?:their |the |his |her )?(?:faces?|facial)\b|"
        r"\b(?:with|using|by) (?:their |the )?faces? instead\b|"
        rf"\b(?:auto ?)?tag(?:s|ged|ging)? (?:[\w']+ ){{0,2}}?(?:{PEOPLE}|campers|kids|children|students|members) by name\b|"
        # People tagged in pictures are told apart and named: "auto-tag which members are in
        # each pic", "tag guests in the delivered galleries".
        rf"\b(?:auto ?)?tag(?:s|ged|ging)? (?:which |the |each |every |all |our )?(?:[\w']+ )?(?:{PEOPLE}|campers|guests|"
        r"players|attendees|relatives|family members) (?:are |appear |who appear )?in (?:the |each |every |our |their |my |all )?"
        r"(?:[\w']+ )?(?:photos?|pics?|pictures?|images?|galler(?:y|ies)|videos?|shots?|albums?)\b"
        # ("tag the cyclists in the race photos by their bib numbers": told apart by the number)
        r"(?! (?:[\w']+ ){0,2}?by (?:their |his |her |the )?(?:bibs?|race|jersey|shirt|start|ticket|seat|wristbands?|barcodes?)\b)|"
        # "announces who the other drivers are", "is this the same guy as the lineup photo",
        # "says 'Sarah's here'".
        rf"\b(?:tells?|announces?|says?|shows?|whispers?|names?) (?:[\w']+ ){{0,2}}?who (?:the |these |those |all )?(?:[\w']+ )?"
        rf"{PEOPLE} (?:is|are)\b|"
        r"\b(?:group|groups|grouped|grouping|sort|sorts|sorted|sorting) (?:them|(?:the |our |my |their )?(?:photos|pictures)) by (?:which|who|whose) "
        r"(?:[\w']+ ){0,2}?(?:is|are|appears?) in (?:them|it|each)\b|"
        r"\b(?:says?|announces?|whispers?) ' ?\w+(?:'s| is) (?:here|there|home|at the door|coming)\b|"
        # Cameras run against a list of people: "ran our doorbell cams against it", "live
        # matching against the list of banned persons".
        r"\b(?:run|ran|runs|running|check|checked|checking) (?:our |the |their |all |its )?(?:[\w']+ )?(?:cams?|cameras?|feeds?|"
        r"footage) against (?:it|them|(?:the |a |our |their )?(?:[\w']+ )?(?:watch ?list|wanted list|list))\b|"
        r"\b(?:match\w*|compar\w+|check\w*) (?:[\w']+ ){0,8}?against (?:the |a |our |their )?(?:[\w']+ )?(?:list|watch ?list|"
        r"register|database) of (?:[\w']+ )?(?:persons|people|individuals|suspects|fans|visitors|offenders|customers)\b|"
        # Photos sorted by who is in them, a name given for whoever is looked at.
        r"\b(?:sort|sorts|sorted|sorting|group|groups|grouped|grouping|organi[sz]\w*|cluster\w*) (?:[\w']+ ){0,3}?"
        r"(?:photos?|pictures?|images?|videos?|albums?|shots) by (?:their )?(?:faces?|person|who(?:'s| is) in them)\b|"
        r"\b(?:sort|sorts|sorted|sorting|group|groups|grouped|grouping|organi[sz]\w*|cluster\w*) (?:them|these|those|it|the lot|everything) "
        r"by (?:faces?|person|people|who(?:'s| is) in (?:them|it))\b|"
        r"\b(?:whispers?|says?|tells?|shows?|displays?|reads? out|announces?|gives?|pops? up) (?:me |you |us |him |her )?"
        r"the names? of (?:whoever|whomever|anyone|everyone|each (?:person|guest|visitor)|every (?:person|guest|visitor)|"
        r"the (?:person|people)|people|strangers)\b|"
        # "the doorbell announces who it is": telling who is there.
        r"\b(?<!id )(?<!badge )(?<!card )(?<!login )(?<!account )(?<!plate )(?<!tag )(?<!fob )(?<!pin )(?<!roster )"
        r"(?<!id already )(?<!badge already )(?<!card already )(?<!login already )"
        r"(?:tells?|announces?|says?|shows?) (?:[\w']+ ){0,3}?(?:who (?:it|they|he|she) (?:is|are)|who(?: is|'s) "
        r"(?:at the door|there|ringing))\b|"
        r"\b(?:run|runs|running|ran|check|checks|checking|checked|put|puts|putting|feed|feeds|feeding|fed) "
        r"(?:[\w']+ ){0,2}?faces? (?:[\w']+ ){0,8}?(?:against|through|thru)\b|"
        # A picture matched against a gallery of faces: "match the still against our mugshot db".
        # ("con", "avec", "contra": the "with" of a message half in Spanish or French)
        r"\b(?:match\w*|compar\w+|check\w*|run\w*) (?:[\w']+ ){0,8}?(?:against|with|to|con|avec|contra) (?:[\w']+ ){0,3}?"
        r"(?:mug ?shots?|booking (?:photos?|images?)|(?:id|passport|licen[cs]e|profile|photo) (?:photos?|pictures?|images?|db|database|gallery)|"
        r"face (?:db|database|gallery))\b|"
        # "recognise celebs", not "recognise people by their voice".
        rf"\brecogni[sz](?:e|es|ed|ing) (?:the |which |known |famous |specific |individual |my |our |his |her |their )?(?:{PEOPLE})\b"
        r"(?! (?:by|from|through|via|using|with) (?!(?:their |his |her |the |a )?fac))|"
        r"\b(?:identif\w+|recogni[sz]\w+|verif\w+|match\w*|authenticat\w+),? (?:[\w']+,? ){0,3}?(?:by|from) "
        r"(?:their |his |her |the |a )?(?:faces?|facial (?:features|images?|scans?))\b|"
        # A photo compared with the records of people arrested: "compare with the fichas of the
        # persons detained before".
        r"\b(?:compar\w+|match\w*|check\w*) (?:[\w']+ ){0,6}?(?:against|with|to) (?:the |our |their )?"
        r"(?:fichas?|fiches?|files?|records?|photos?|pictures?|images?) of (?:the |all )?(?:persons?|people|suspects?|"
        r"detainees?|offenders?|criminals?|arrestees?) (?:detained|arrested|booked|convicted|wanted)\b",
        # A face use dropped from the plan is no use: "they'd drop the face matching".
        skip=r"\b(?:drop|drops|dropped|dropping|remove|removed|scrap|scrapped|ditch|ditched|de ?scop\w*|abandon\w*|cut|"
        r"skip|skips|skipped|skipping|leave out|leaving out|forget) "
        r"(?:the |its |our |any |all )?(?:face|facial)\b(?: [\w']+){0,2}",
    ),
    cue(
        "use",
        "facial_recognition",
        r"\b(?:suspect|watch ?list|mug ?shot|wanted person|most wanted) (?:matching|matches|match|lookups?|hits?)\b|"
        # The means named ("it'd be by their faces", "check in by face").
        r"\bby (?:the |their |his |her |a |your )?(?:faces?|facial features)\b|"
        # One person's face watched for: "pings the officer the moment his face shows up".
        r"\b(?:the (?:second|moment|minute|instant)|as soon as|when(?:ever)?|once|each time|every time) "
        r"(?:his|her|the suspect's|the person's|the subject's|a wanted person's|a banned person's|[\w]+'s) face "
        r"(?:shows up|appears|pops up|turns up|comes into view|comes up|is seen|is spotted|is caught|is picked up)\b",
        strength=WEAK,
        skip=r"\b(?:don't|do not|doesn't|does not|no|never|won't) need to (?:[\w']+ ){0,3}?by (?:the |their |his |her )?faces?\b",
    ),
    cue(
        "use",
        "other_biometric_identification",
        r"\b(?:gait|voice|voiceprint|voice print|speaker|iris|retina|retinal|fingerprint|finger print|palm|"
        r"palm print|palmprint|vein|ear|dna|keystroke|behaviou?ral) ?(?:recognition|identification|matching|"
        r"match|scans?|scanning|biometrics?|id|verification|authentication|prints?|comparison)\b|"
        r"\bfingerprint(?:s|ing)?\b|\bvoiceprints?\b|\bgait\b",
        skip=r"\b(?:instead of|rather than|in place of) (?:the |their |a )?(?:[\w']+ )?(?:iris|fingerprints?|voice|gait|palm)\w*",
    ),
    cue(
        "use",
        "surveillance_tracking",
        r"\b(?:track|tracks|tracked|tracking|trace|traces|tracing|follow|follows|following|monitor|monitors|"
        r"monitored|monitoring|surveil|surveils|surveilled|surveilling|watch|watches|watching|stalk|stalking|"
        r"locate|locating|keep tabs on|keeping tabs on|shadow|shadowing)'? (?:[\w']+ ){0,3}?"
        rf"(?:{PEOPLE}|their (?:movements?|locations?|whereabouts|activities|every move)|movements?|"
        r"whereabouts|locations? of)\b"
        # Watching for someone in trouble is looking out for an event, not following a person:
        # "watches the pool for swimmers in distress".
        r"(?! (?:in distress|in trouble|in danger|drowning|falling|collapsing|who (?:fall|falls|fell|collapse|collapses|faint)))",
        not_after=("the", "a"),
        # "track them down for release forms": finding someone once to contact them; a
        # neighbourhood watch's members are who asks, not who is watched.
        skip=r"\b(?:track|tracks|tracked|tracking|trace|traces|traced|tracing) (?:[\w']+ ){0,3}?down\b|"
        r"\b(?:neighbou?rhood|community|crime|block|street|estate|home) watch\b",
    ),
    cue(
        "use",
        "surveillance_tracking",
        r"\b(?:ongoing|persistent|continuous|constant|continual|mass|blanket|covert|permanent|round the clock|"
        r"24 7|long term|pervasive|dragnet|bulk|real time|live|location|movement|gps|cell ?phone|phone) "
        r"(?:surveillance|tracking|monitoring|tracing)\b|\bsurveillance of\b|"
        r"\b(?:licen[cs]e|number) plate (?:readers?|recognition|scanners?|tracking)\b|\balprs?\b|\banpr\b|"
        # (not "webcam face tracking" that moves an avatar)
        r"\b(?:ai|cctv|biometric|person|people) tracking\b|"
        r"\bput (?:[\w']+ ){0,3}under surveillance\b|\bcomings and goings\b|\bevery move\b|"
        r"\b(?:log|logs|logging|logged|record|records|recording|note|notes|noting|timeline)\b(?: [\w']+){0,3}? (?:of )?"
        r"(?:when|whenever) (?:[\w']+ ){1,6}?(?:leaves?|left|comes? (?:back|home|in)|came (?:back|home)|arrives?|arrived|"
        r"goes (?:out|in)|gets? (?:home|back|in))\b|"
        # "logging every time I come and go ... who visits me"
        r"\b(?:log|logs|logged|logging|record|records|recording|note|notes|noting|track|tracks|tracking) (?:[\w']+ ){0,2}?"
        r"(?:every|each) time (?:i|he|she|they|we|someone|anyone|a tenant|a resident) (?:come|comes|go|goes|leave|leaves|arrive|arrives|"
        r"get|gets) (?:home|in|back|and go|and goes|out)\b|\bwho visits (?:me|him|her|them|us)\b|"
        # "a timeline of every place he went": a person's movements pieced together.
        r"\btimeline of (?:every|each|all the) (?:place|location|stop)s?\b|"
        r"\b(?:every|each) (?:place|where) (?:he|she|they|the person) (?:went|goes|go|has been|had been)\b",
    ),
    # The same people recognised again across visits, stores or days, kept under an anonymous
    # identifier rather than named: "recognise repeat viewers across visits, anonymous IDs
    # only", "stitch a shopper's path across our stores with a persistent ID per person",
    # "build face profiles from the cameras over time" (POLICY_MODEL.md §2.1: following
    # individuals over time or across places without naming them).
    cue(
        "use",
        "surveillance_tracking",
        r"\b(?:recogni[sz]\w*|re ?identif\w*|spot\w*|match\w*|link\w*|count\w*|stitch\w*|follow\w*) (?:[\w']+ ){0,3}?"
        r"(?:repeat|returning|the same|each|every) (?:[\w']+ )?(?:viewers?|visitors?|customers?|shoppers?|people|persons?|"
        r"guests?|fans?|passengers?|players?|users?|patrons?|drivers?)(?:'s? (?:[\w']+ )?(?:path|route|visits?|movements?))? "
        r"(?:[\w']+ ){0,4}?(?:across|over|between) (?:[\w']+ ){0,2}?(?:visits|stores|shops|sites|days|weeks|months|locations|branches|"
        r"screens|venues|floors|cameras|time)\b|"
        r"\b(?:anonymous|anonymi[sz]ed|pseudonymous|pseudonymi[sz]ed|persistent|hashed) (?:face |visitor |shopper |viewer |person )?"
        r"(?:ids?|identifiers?|profiles?|tokens?)(?: per (?:person|shopper|visitor|viewer|customer|fan|face))?\b|"
        r"\b(?:build|builds|building|keep|keeps|keeping) (?:up )?(?:face|facial|visitor|shopper) profiles?\b",
    ),
    cue(
        "use",
        "surveillance_tracking",
        r"\b(?<!video )(?<!cctv )surveil(?:s|led|ling|lance)?\b(?! (?:cams?|cameras?|footage|videos?|images?|stills|feeds?|systems?|"
        r"cctv|drones?|tapes?|recordings?|clips?|photos?|network|state|rooms?|teams?|staff|departments?|"
        r"operators?|units?|officers?|managers?|clause))",
        strength=WEAK,
    ),
    cue(
        "use",
        "non_biometric",
        r"\btranscri(?:b(?:e|es|ed|ing)|ptions?|pts?)\b|(?<!fair )(?<!accurate )(?<!good )(?<!correct )(?<!reasonable )(?<!honest )(?<!decent )(?<!right )(?<!in )\bsummar(?:y|ies|i[sz](?:e|es|ed|ing|ation))\b|"
        r"\btranslat(?:e|es|ed|ing|ion|ions|ors?)\b|"
        # Telling what is in front of the camera, never who: "narrates what's in front of it".
        # Things read or detected, not people: "reads the number plates of cars in the bus lane",
        # "infrared detection of recording devices".
        r"\b(?:reads?|reading) (?:the )?(?:number |license |licence |registration )?plates\b|"
        r"\bdetection of (?:[\w']+ ){0,2}?(?:devices?|phones?|cameras?|camcorders?|weapons?|objects?)\b|"
        # Faces mapped for looks, not identity: "virtual try-on", "face shape finder".
        r"\bvirtual try ?ons?\b|\btry ?on (?:filters?|features?|apps?)\b|\bface shapes?\b|"
        r"\b(?:maps?|mapping|detects?|measures?) (?:your |the |their )?(?:face shape|hairline|skin tone|facial features)\b|"
        r"\b(?:doesn't|does not|never|won't) (?:know|store|keep|save)(?: or (?:store|keep|save))? who (?:you|they|he|she) (?:are|is)\b|"
        r"\bnothing about who (?:you|they|he|she) (?:are|is)\b|\bno identifying (?:anyone|anybody|people|individuals)\b|"
        # Animals told apart, not people: "face ID on dairy cows", "recognise each cow's face".
        r"\b(?:face|facial) (?:id|recognition|identification|matching) (?:on|of|for) (?:the |our |their |my |dairy |beef |farm |pet )?"
        r"(?:cows?|cattle|dogs?|cats?|pets?|animals?|horses?|sheep|pigs?|livestock|goats?|herd)\b|"
        r"\b(?:cows?|cattle|dogs?|cats?|pets?|animals?|horses?|sheep|pigs?|goats?)(?:'s|s')? faces?\b|"
        # Identification denied outright: "no recognition of who it is" (not "no faces
        # involved": a car followed is still tracking).
        r"\bwithout (?:ever )?(?:identifying|recogni[sz]ing|naming) (?:anybody|anyone|any ?one|people|individuals)\b(?! (?:else|other))|"
        r"\bno recognition of who\b|"

        # A face checked only for being there: "confirm there's a live human face in the picture
        # ... without matching it to anybody".
        r"\bwithout (?:ever )?(?:matching|comparing|checking|linking) (?:it|them|the faces?|the photos?|the images?|the selfies?) "
        r"(?:to|against|with) (?:anybody|anyone|any ?one|a database|any database|anything|any list|any records?|a person)\b|\bnever (?:works?|figures?) out who\b|"
        r"\b(?:write|writes|writing|wrote) up (?:[\w']+ ){0,2}?(?:repair |work |service )?(?:orders?|tickets?|invoices?|reports?|notes)\b|"
        r"\bnarrat\w* (?:what|whats|what's)\b|\bnever (?:says |tells |names |identifies )?who (?:she|he|they|anyone|the person|"
        r"people) (?:is|are)\b|"
        r"\b(?:draft(?:s|ed|ing)?|write|writes|writing|wrote|generate|generates|generating|prepare|preparing) "
        r"(?:[\w']+ ){0,4}?(?:reports?|narratives?|emails?|letters?|documents?|notes?|summaries|memos?|"
        r"statements?|paperwork|replies|responses|answers|messages|notices|minutes|agendas?|logs?|log entries|"
        r"entries|filings?|declarations?|forms?|invoices?|contracts?)\b|"
        # Data pulled out of paperwork: "pull data out of commercial invoices and packing lists".
        r"\b(?:pull|pulls|pulling|extract|extracts|extracting|read|reads|reading|parse|parses|parsing) (?:the )?"
        r"(?:data|fields?|details|line items|text|numbers|totals) (?:out of|from|off) (?:the |our |their )?(?:[\w']+ ){0,2}?"
        r"(?:invoices?|documents?|forms?|pdfs?|receipts?|contracts?|packing lists?|bills? of lading|manifests?|records?|filings?|scans?)\b|\breports? (?:writing|drafting)\b|\bpaperwork\b|\bincident reports?\b|"
        r"\bcase notes\b|\b(?:police |incident |case |arrest )?reports? drafts?\b|\bdraft (?:police |incident )?reports?\b|"
        # (Not a name or a file redacted: "a US county (name redacted)".)
        r"\b(?<!name )(?<!names )(?<!details )(?<!identity )redact(?:s|ed|ing|ion)?\b(?! (?:names?|details|version|copy|tenders?|"
        r"documents?|files?|pdfs?|rfps?)\b)|\bblur(?:s|red|ring)?\b|\bpixelat(?:e|es|ed|ing|ion)\b|"
        r"\banonymi[sz](?:e|es|ed|ing|ation)\b|\bcaption(?:s|ing)?\b|\bspeech to text\b|\bdictation\b|\bdictated (?:[\w']+ )?(?:notes?|memos?|letters?|reports?)\b|"
        r"\bchatbots?\b|(?<!\()\bocr\b(?!\)| ?:| of (?:a|an|the|this|that|our|my|some)\b| (?:text|output|errors?|mistakes?|version|copy|dump|paste)\b|'d)|\bno (?:face|facial) (?:matching|recognition|comparison|id|identification)\b|\bnothing to do with (?:[\w']+ )?(?:faces?|identit(?:y|ies)|who)\b|"
        r"\b(?:registration|hull|serial) numbers?\b|\bemotion(?:al)? (?:states?|recognition|detection|analysis)\b|"
        r"\b(?:never|doesn't|does not|won't|will not|without) (?:attach\w*|assign\w*|link\w*|tie|ties) (?:an? |any )?"
        r"(?:identit(?:y|ies)|names?)\b|\bdraft one\b|\bdescrib\w+ what(?:'s| is| was) (?:happening|going on)\b",
    ),
    cue(
        "use",
        "non_biometric",
        r"\b(?:face|faces|people|person|pedestrian|crowd|head|vehicle|object|weapon) detection\b|"
        r"\bdetect(?:s|ed|ing)? (?:[\w']+ ){0,2}?(?:faces?|people|persons?|pedestrians?|humans?|presence|"
        r"objects?|weapons?|vehicles?|guns?|knives|firearms?|bags?|packages?|smoke|fires?|falls?|"
        r"drowsiness|fatigue|yawn\w*|distraction|seat ?belts?|phone use|eyes closing)\b|"
        rf"\bcount(?:s|ed|ing)? (?:[\w']+ ){{0,2}}?(?:{PEOPLE}|crowds?|faces?|heads?|cars?|vehicles?)\b|"
        r"\b(?:sort|sorts|sorted|sorting|classify|classifies|classifying|categori[sz]e|categori[sz]ing) "
        r"(?:[\w']+ ){0,3}?(?:photos?|images?|pictures?|videos?|files|documents?|emails?)\b(?! by (?:their )?(?:faces?|person|who))|"
        r"\b(?:crowd|people|head|foot traffic|visitor) ?counts?\b|\bheadcounts?\b|\bcrowd (?:size|density)\b|"
        r"\b(?:auto ?)?tag(?:s|ged|ging)? (?:the )?(?:[\w']+ )?(?:clips?|videos?|footage|files|photos?|images?|recordings?) by (?:[\w']+ )?(?:type|category|topic|event|"
        r"incident|date|location|kind|theme)\b|"
        # Things and events, not people: "drowning detection", "spot camcorders", "detect empty
        # shelves and long queues", "confirm they're wearing a helmet".
        r"\b(?:drowning|fall|fire|smoke|flood|leak|spill|intrusion|motion|fight|violence|weapon|gun|knife|shelf|stock|"
        r"queue|helmet|ppe|hard hat|mask|litter|pothole|damage|defect|distress|tailgating|loitering) detection\b|"
        r"\b(?:detect|detects|detected|detecting|spot|spots|spotted|spotting|notice|notices|noticing|"
        r"look(?:s|ing)? for|check(?:s|ing)? for) (?:[\w']+ ){0,2}?(?:camcorders?|recording devices?|phone screens?|"
        r"empty shelves|shelf gaps|(?:long |checkout )?(?:queues?|lines)|helmets?|hard hats?|ppe|hi ?vis|vests?|"
        r"spills?|leaks?|potholes?|litter|damage|dents?|defects?|scratches|smoke|flames?|fires?|floods?|"
        r"swimmers? in distress|distress|drowning|unattended (?:bags?|items?|luggage))\b|"
        r"\b(?:confirm|confirms|check|checks|checking|verify|verifies|make sure|ensure|see) (?:that |whether |if )?(?:the |our |all )?"
        rf"(?:they|he|she|the rider|riders|the driver|drivers|staff|workers|{PEOPLE})(?: are| is|'re|'s) "
        r"(?:wearing|using|carrying|in) (?:a |an |their |his |her |the )?(?:helmets?|hard hats?|ppe|masks?|seat ?belts?|"
        r"hi ?vis|vests?|gloves|uniforms?|goggles)\b|"
        r"\bcount(?:s|ed|ing)? (?:[\w']+ ){0,2}?(?:dwellings?|buildings?|houses?|homes|roofs?|animals?|cattle|trees|"
        r"parcels?|boxes|items?|objects?|cars?|vehicles?|seats?)\b|"
        # "nobody's face gets identified", "nobody gets ID'd"
        r"\b(?:nobody|no one|noone|none of them|no person|no individual|no customer|no visitor)(?:'s (?:face|identity))? "
        r"(?:is|gets|will be|would be|are|will get|would get) (?:ever )?"
        r"(?:identified|recogni[sz]ed|named|matched|id'd|ided|i\.d\.'d)(?!\w)|"
        r"\bage (?:estimation|estimates?|checks?|verification|gates?|assurance)\b|"
        r"\b(?:estimat|guess|predict|infer)\w* (?:[\w']+ ){0,8}?(?:ages?|how old|over \d\d|under \d\d)\b|"
        r"\b(?:turn|turns|turning|convert|converts|converting) (?:[\w']+ ){0,5}?into (?:[\w']+ ){0,2}?"
        r"(?:timelines?|reports?|summaries|transcripts?|text|notes|spreadsheets?|tables?|avatars?|cartoons?|"
        r"drawings?|paintings?|illustrations?|stickers?|emojis?|animations?|caricatures?|instructions|handouts?|"
        r"care plans?|checklists?|letters?|emails?|minutes|action items|invoices?)\b|"
        # "detect whether a second face appears in the frame": presence, not identity.
        r"\bdetect(?:s|ed|ing)? (?:whether|if) (?:someone|somebody|anyone|a person|they)(?: [\w']+){0,3}? (?:has|have|is wearing|"
        r"wears|carries|is carrying|has got) (?:a |an |any )?\w+|"
        r"\bdetect(?:s|ed|ing)? (?:whether|if) (?:a |any |another |more than one |a second |an extra )?(?:[\w']+ )?"
        r"(?:faces?|persons?|people|someone) (?:appears?|is (?:present|there|visible)|shows? up|enters?)\b|"
        # (Not "no faces involved": a car can still be followed.)
        r"\bno (?:photos?|images?|pictures?|video|footage|cameras?)(?: or (?:photos?|images?|pictures?|videos?|footage|cameras?))? "
        r"(?:are |is )?(?:processed|used|involved|analy[sz]ed)\b|"
        r"\baudio only\b|\bno images\b|"
        # No person in it: "no people involved at all", cows told apart by their face markings.
        r"\bno (?:people|humans|persons|person|one's face) (?:are |is )?(?:involved|in (?:it|them|the \w+))\b|"
        r"\bno (?:people|humans|persons),? (?:just|only) (?:animals?|deer|cows?|cattle|birds?|wildlife|pets?|dogs?|cats?)\b|"
        r"\bwhich (?:buck|doe|stag|cow|bull|horse|dog|cat|bird|animal|deer|bear|wolf|fox)s? is which\b|"
        r"\b(?:[\w']+ ){0,2}?(?:cows?|cattle|calves|animals?|livestock|pets?|dogs?|cats?|birds?|horses?|sheep|pigs?|"
        r"whales?|bears?|wildlife|deer|lions?|tigers?|primates?)(?: [\w']+){0,3}? (?:by|from) (?:their|its|the) "
        r"(?:faces?|face markings|markings)\b(?: markings)?|"
        r"\b(?:recogni[sz]e|identify|tell apart|count) (?:individual |each |the |our )?(?:cows?|cattle|animals?|livestock|"
        r"pets?|dogs?|cats?|birds?|horses?|sheep|pigs?|whales?|bears?|deer|species)\b|"
        # An animal's face tells which animal, not who a person is: "dog faces", "matching
        # photos of lost dogs".
        r"\b(?:cows?|cattle|calves|animals?|livestock|pets?|dogs?|cats?|puppies|kittens|horses?|sheep|pigs?|"
        r"whales?|bears?|deer|primates?)(?:'s|')? (?:faces?|snouts?|muzzles?|nose ?prints?)\b|"
        r"\b(?:match|matches|matching|compare|compares|comparing|reunite|reuniting) (?:[\w']+ ){0,3}?(?:of )?"
        r"(?:lost |stray |missing |found |shelter |rescue )(?:dogs?|cats?|pets?|animals?|puppies|kittens)\b|"
        # Reading a mood from a face identifies nobody.
        r"\bfacial expressions?\b|\bexpression (?:analysis|reading|detection)\b|"
        r"\b(?:guess|tell|detect|read|estimate)(?:es|s)? (?:whether|if|how) (?:they|he|she|the user|the person|users?)"
        r"(?:'re| are| is| feel| feels)? (?:stressed|tired|happy|sad|anxious|calm|bored|upset|relaxed)\b|"
        r"\b(?:draft|write|prepare)(?:s|ing)? (?:[\w']+ ){0,3}?(?:reply |response )?(?:templates?|letters?)\b|\btriage\b|"
        r"\boccupancy\b|\bqueue (?:lengths?|times?|sizes?)\b|\bwait(?:ing)? times?\b|\bfootfall\b|\b(?:speech|object|text|handwriting|optical character) recognition\b",
    ),
    # A camera alerting when one particular person turns up picks that person out: "alert the
    # front desk when a tenant we evicted walks back in" (not "when a customer walks in").
    cue(
        "use",
        "facial_recognition",
        r"\b(?:alert|ping|notify|warn|flag|signal|buzz)\w* (?:[\w']+ ){0,6}?when (?:a|an|the|any|one|this|that|our) "
        rf"(?:(?:banned|barred|evicted|known|wanted|listed|blacklisted|flagged|former|fired|excluded) {PEOPLE}|"
        rf"{PEOPLE} (?:we|who|that|they|he|she) (?:[\w']+ ){{1,4}}?)(?:walks?|comes?|enters?|shows? up|arrives?|returns?|"
        r"turns? up|steps?)\b",
        strength=WEAK,
    ),
    # Following someone without telling who they are: "where the targets go", "how
    # individuals move through the district", "the same person across cameras".
    cue(
        "use",
        "surveillance_tracking",
        rf"\btrack(?:s|ed|ing)? where\b|\b(?:log|logs|logged|logging|record|records|recording|map|maps|mapping|note|notes) "
        r"where (?:each|every|the|a|all|our) \b|\blog of (?:which|who|where) (?:people|persons|faces|cars|vehicles|visitors|"
        r"residents|workers|staff) (?:come|comes|came|go|goes|went|move|moves|are|were|is)\b|\bkeep(?:s|ing)? (?:a )?(?:track|tabs|an eye) (?:of|on) "
        rf"(?:(?:repeat|returning|regular|frequent|known|certain|particular|specific|individual|the|our|all|those|these) )?"
        rf"(?:where|who|her|him|them|{PEOPLE})\b|"
        # "follow each player's movement around the court": one person's movements, over time.
        rf"\b(?:follow|track|trace|log|record|map|plot)\w* (?:[\w']+ ){{0,2}}?(?:{_WHOSE}) (?:movements?|every move|routes?|paths?)\b|\bwhere (?:the |a |each )?(?:{PEOPLE}|they|he|she) (?:go|goes|went|move|moves|has been|have been|'s been|'ve been)\b|"
        r"\bhow (?:individuals|people|visitors|shoppers|persons) move\b|"
        r"\b(?:the )?same (?:person|individual|people|visitor|shopper)s? (?:across|between|on|over)\b"
        # (the same person across photos is matching faces, not following someone)
        r"(?! (?:different |many |all |the |several |multiple |old )?(?:photos?|pictures?|images?|albums?|scans?))|"
        r"\bper (?:person|resident|customer|member|visitor|employee|guest) histor(?:y|ies)\b|"
        # "a running profile per shopper", "repeat visits across branches"
        r"\b(?:running |ongoing |persistent |behavio(?:u)?ral |movement )?profiles? (?:per|for each|of each|on each|for every|of every) "
        r"(?:person|individual|shopper|customer|visitor|guest|member|resident|user|driver|worker|employee|patient|student|fan)\b|"
        r"\brepeat visits? (?:across|to|at) (?:[\w']+ )?(?:branches|stores|shops|sites|locations|venues|outlets)\b|"
        # "when the same person shows up at different open houses", "build a profile on repeat lowballers"
        r"\b(?:the )?same (?:person|individual|people|visitor|face|guy|man|woman)s? (?:shows? up|turns? up|comes? back|appears?|"
        r"returns?|visits?|keeps? coming) (?:[\w']+ ){0,2}?(?:at|in|to|across) (?:different|several|multiple|other|many|all)\b|"
        # "keep a day by day profile on each agent", "maintain a running file on every driver"
        rf"\b(?:keep|keeps|kept|keeping|maintain\w*|build\w*|compile\w*|create\w*) (?:up )?(?:a |an )?(?:[\w']+ ){{0,4}}?(?:profiles?|dossiers?|logs?|records?|timelines?) "
        rf"(?:on|of|for|about) (?:each|every|all|individual) (?:[\w']+ )?(?:{PEOPLE}|agents?|members|drivers|players|fans)\b|"
        rf"\bbuild(?:s|ing)? (?:up )?(?:a |an |their )?(?:[\w']+ )?(?:profiles?|dossiers?|files?) (?:on|of|about) (?:(?:each|every|all|some|any) of )?(?:each |every |the |our )?(?:[\w']+ )?{PEOPLE}\b|"
        r"\bhistory of who (?:uses|used|comes|came|goes|went|visits|visited|enters|entered)\b|"
        r"\bre ?identif(?:y|ies|ied|ying|ication) (?:the same|a|each|repeat|returning)\b|"
        r"\bmovement (?:histor(?:y|ies)|profiles?|patterns?|timelines?)\b|\bpattern of life\b",
    ),
    # Where a person's phone or car has been, over time, is tracking that person: "the
    # location history of each rider", "keep pinging drivers' phone location".
    cue(
        "use",
        "surveillance_tracking",
        r"\b(?:ping|log|record|collect|store|keep|analy[sz]e|monitor|watch|map|show|display|plot)\w* (?:[\w']+ ){0,2}?"
        rf"(?:{_WHOSE}) (?:[\w']+ )?(?:{_DEVICE} )?(?:locations?|positions?|whereabouts)\b|"
        rf"\b(?:{_WHOSE}) (?:[\w']+ )?(?:{_DEVICE} )?location (?:histor(?:y|ies)|data|trails?|logs?|records?)\b|"
        rf"\b(?:{_WHOSE}) live (?:positions?|locations?)\b|"
        r"\blocation (?:histor(?:y|ies)|trails?|logs?|pings?|traces?) (?:of|from|for) "
        rf"(?:the |our |each |every |all |individual )?(?:[\w']+ )?{PEOPLE}\b",
    ),
    # Working with people without telling who they are (POLICY_MODEL.md §2.1).
    cue(
        "use",
        "non_biometric",
        r"\bno identit(?:y|ies)\b|\bno (?:identification|matching)\b|\bwithout (?:establishing|revealing|"
        r"determining|learning) (?:(?:their|anyone's|the person's|any) )?identit(?:y|ies)\b|"
        r"\bwithout identifying (?:anyone|anybody|any(?: \w+)?|them|people|individuals|the people|civilians)\b|"
        r"\bidentif(?:y|ies) (?:no one|nobody)\b|\b(?:doesn't|does not|don't|do not|won't|will not|never|not) "
        r"(?:try to |attempt to |need to )?identif(?:y|ies|ying) (?:anyone|anybody|any one|people|individuals|them|who)\b|\bliveness (?:detection|checks?|tests?)\b|"
        r"\bis a live person\b|\banti ?spoofing\b|\bpresentation attack\b|"
        r"\b(?:doesn't|does not|don't|do not|won't|will not|never|not) (?:even )?(?:need to |try to )?(?:compare|match|check) "
        r"(?:the |their |a )?faces?\b|"
        r"\b(?:doesn't|does not|don't|do not|won't|will not|never) (?:even )?(?:need to |try to )?(?:recogni[sz]e|know|tell) "
        r"(?:who (?:anyone|anybody|any one|they|people|it) (?:is|are)|anyone|anybody|who)\b|"
        r"\b(?:doesn't|does not|don't|do not|won't|will not|never|not) (?:ever |even |try to )?(?:work|figure|find) out "
        r"(?:who|whose (?:face|faces) (?:it|they) (?:is|are))\b|"
        # The system itself knowing nobody: "it has zero idea who anyone is" (not "we have no
        # idea who the suspect is", which is why one would identify).
        r"\b(?:it|app|system|ai|model|tool|camera|software|bot|program|feature|filter|algorithm|service|thing) "
        r"(?:has|have|had) (?:no|zero|not the slightest|not a|no real) (?:idea|clue) (?:who|whose)\b|"
        # A report named in the language of the force that writes it: "write the verbale".
        r"\b(?:write|writes|writing|draft\w*|prepare\w*) (?:the |a |our |their )?(?:verbale|verbali|proc[eè]s verbal|"
        r"informe|atestado|relat[oó]rio|bericht|rapport)\b|"
        r"\bread (?:the )?(?:passport|id|document|licen[cs]e|card)(?:'s)? (?:data|text|details|fields?|page|number)\b|"
        r"\b(?:pull|review|check|go through|analy[sz]e|search|look at) (?:[\w']+ ){0,3}?(?:transaction|account|billing|login|"
        r"sales|purchase|financial|bank) (?:records?|histor(?:y|ies)|logs?|data)\b",
    ),
]
