"""law_enforcement: police and other law-enforcement bodies, or someone acting for them;
organisations that clearly are not."""

from __future__ import annotations

from rag.facts.cues.base import (
    AGENCY_BEFORE_OFFICE,
    DECLARED,
    DROP,
    ON_BEHALF,
    PLACE_AS_MODIFIER,
    SAYS_NOTHING,
    WEAK,
    cue,
)

__all__ = ["CUES"]

_NON_LE_ACTORS = (
    r"retailers?|retail|stores?|shops?|supermarkets?|grocer(?:y|ies|s)|malls?|casinos?|banks?|"
    r"schools?|universit(?:y|ies)|colleges?|hospitals?|clinics?|employers?|employees?|"
    r"workplaces?|landlords?|hotels?|airlines?|gyms?|nightclubs?|restaurants?|churche?s?|"
    r"museums?|(?:theme|amusement) parks?|event organi[sz]ers?|private security|"
    r"security guards?|bouncers?|homeowners?|dating apps?|marketers?|advertisers?|insurers?|"
    r"insurance compan(?:y|ies)|hr department|human resources|office buildings?|"
    r"civilians?|consumers?|shopping cent(?:re|er)s?|concert venues?|landlords?|"
    r"fitness (?:cent(?:re|er)s?|clubs?)|private (?:compan(?:y|ies)|business(?:es)?|firms?|citizens?|individuals?)|"
    r"compan(?:y|ies)|firms?|business(?:es)?|corporations?|operators?|(?:hotel|retail|restaurant) (?:groups?|chains?)|"
    r"startups?|manufacturers?|logistics|car rental|airports?|venues?|charit(?:y|ies)|ngos?|nonprofits?|"
    r"journalists?|reporters?|newsrooms?|private investigators?|developers?|hobbyists?|neighbou?rs?|rideshare|"
    # Trades that serve courts or clients, and agencies that are businesses: "process server
    # here", "PI in Nevada", "we're a photo agency".
    r"process servers?|(?:licensed |private )?pi(?= (?:here|firm|agency|in|licen[cs]e)\b)|skip tracers?|"
    r"(?:photo|press|news|advertising|ad|creative|marketing|talent|staffing|recruitment|recruiting|travel|modell?ing|"
    r"design|digital|media|pr|real estate|estate|employment|temp|translation|collection|debt collection) agenc(?:y|ies)|"
    r"ride share|taxis?|cafes?|café|coffee shops?|baker(?:y|ies)|apps?|hackathon|my own|personal (?:use|project)|"
    r"doorbells?|(?:our|their) customers|resorts?|research stud(?:y|ies)|researchers?|study participants|loyalty (?:members?|programs?|programmes?|cards?)|principals?|headteachers?|teachers?|school staff|fraud teams?|claims (?:teams?|departments?|handlers?)|"
    r"insurers?|pharmac(?:y|ies)|pharmacists?|drugstores?|warehouses?|factor(?:y|ies)|clubs?|"
    # Research and review, insurance, and the people who run a site's floor.
    r"(?:lab|research|clinical|academic|university|vr|user|pilot|field) stud(?:y|ies)|study protocols?|"
    r"(?:irbs?|ethics (?:boards?|committees?|reviews?|panels?))|insurance (?:clients?|firms?|carriers?|providers?|claims?)|"
    r"claimants?|policyholders?|policy holders?|legal aid|public defenders?|defen[cs]e (?:lawyers?|attorneys?|counsel|teams?|firms?)|"
    # Who has members, tenants or customers of its own serves them: "our drivers sign in by face".
    r"(?:our|my) (?:drivers|members|guests|tenants|patients|couriers|riders|subscribers|clients|shoppers|diners|"
    r"patrons|talents?|volunteers|residents|players|season ticket holders|roommates|housemates|flatmates)|"
    r"self ?exclusion (?:forms?|schemes?|programs?|programmes?|lists?|registers?)|"
    r"(?:dock|warehouse|shift|floor|site|store|shop|plant|depot|yard|fleet|kitchen|front of house) (?:supervisors?|managers?|leads?|foreman|foremen)|"
    r"(?:student|school|class|college|uni|university|hobby|side|personal|weekend|research) projects?|"
    r"(?:news|regional|local|daily|weekly|student) ?papers?|newspapers?|"
    r"(?:our|the|my) paper(?! (?:checks?|forms?|records?|files?|cop(?:y|ies)|trails?|work|version|ballots?|based))|"
    r"broadcasters?|people search (?:sites?|compan(?:y|ies)|services?|engines?|platforms?)|data brokers?|ad ?tech|"
    r"certification (?:bod(?:y|ies)|boards?|providers?)|exam(?:ination)? (?:boards?|bod(?:y|ies)|centres?|centers?)|"
    r"(?:online |remote )?proctor(?:ing|s)? (?:tools?|compan(?:y|ies)|firms?|services?|vendors?|platforms?|software)|"
    r"testing (?:centres?|centers?|compan(?:y|ies))|visitor services|marinas?|ferry (?:operators?|compan(?:y|ies)|lines?)|"
    r"cruise (?:lines?|operators?|compan(?:y|ies))|travel agents?|tour operators?|parking garages?|car parks?|"
    r"parking (?:operators?|compan(?:y|ies))|guard compan(?:y|ies)|tv (?:stations?|channels?|networks?)|"
    r"(?:film|movie|tv|vfx|animation|production|photo|recording) (?:studios?|compan(?:y|ies)|houses?)|studios?|"
    r"documentar(?:y|ies)(?: (?:crews?|makers?|teams?))?|film ?makers?|film crews?|camera crews?|publishers?|"
    r"media (?:compan(?:y|ies)|groups?|outlets?|houses?)|photographers?|photo (?:desks?|archives?|libraries?)|"
    r"(?:stock photo|photo|news|press|advertising|ad|marketing|talent|travel|model(?:l)?ing|creative|design|media|"
    r"recruitment|staffing|real estate|insurance) agenc(?:y|ies)|"
    r"associations?|foundations?|hotlines?|helplines?|humanitarian (?:groups?|organi[sz]ations?)|"
    r"(?:care|nursing|retirement|group) homes?|assisted living|elder ?care|daycares?|day care|nurser(?:y|ies)|childcare|"
    r"temples?|mosques?|synagogues?|gurdwaras?|parish(?:es)?|congregations?|"
    r"statistics (?:[\w']+ )?(?:office|bureau|agency|department)?|census|electoral (?:commissions?|offices?|boards?)|"
    r"election (?:officials?|offices?|boards?|commissions?)|polling stations?|"
    r"(?:crypto )?exchanges?|marketplaces?|skip tracers?|repo(?:ssession)? (?:agents?|men|man|compan(?:y|ies))|"
    r"bail (?:bonds?(?:men|man)?|agents?|enforcement agents?|recovery agents?)|licensed pi|"
    r"wedding (?:planners?|photographers?|videographers?|films?)|film weddings|"
    r"(?:my|our) (?:family|home|house|apartment|flat|condo|building|kids?|son|daughter|teen|laptop|own face)|photogs?|teen here|my \d+ year old|"
    r"my (?:late )?(?:husband|wife|partner|father|mother|dad|mum|mom|grand\w+|parents|nephew|niece|uncle|aunt)'s|"
    r"school projects?|just for fun|"
    r"relief (?:groups?|organi[sz]ations?|agencies)|"
    r"discord|subreddits?|i(?:'m| am)? (?:scrap\w*|build\w*|mak\w*|cod\w*|develop\w*|hack\w*|tinker\w*)|"
    r"(?:youtube|tiktok|twitch|instagram|my|our) channels?|youtubers?|streamers?|podcasters?|influencers?|"
    r"(?:content |video )?creators?|vloggers?|bloggers?|fan edits?|photo booths?|water ?parks?|ski resorts?|"
    r"cruise ships?|zoos?|aquariums?|librar(?:y|ies)|defen[cs]e contractors?|armed forces|"
    r"(?:race |event )?photo (?:services?|businesses|business|apps?)|(?:race|event|tournament) organi[sz]ers?|"
    r"(?:atm|kiosk|doorbell|lock|car|phone|device|hardware|terminal|vending machine|turnstile|appliance) "
    r"(?:makers?|manufacturers?)|nurses?|doctors?|physicians?|clinicians?|pharmacists?|"
    r"my (?:gate|door|front door|garage|driveway|doorbell|porch|trail|game) ?(?:cams?|cameras?)|(?:our|my) (?:farm|ranch|land|back \d+)|(?:our|my) fields?(?! (?:contact|offices?|officers?|agents?|work|workers?|notes|operations|ops|teams?|staff|visits?|interviews?|units?|training|reports?|tests?|testing|trials?|intelligence|investigat\w*|supervision|services?|deployments?|engineers?|sales|research|stud(?:y|ies)|data|kit|equipment|devices?|apps?|crews?)\b)|"
    # Trades and places of the people who ask: "running an indoor range", "ski patrol",
    # "linemen at the substation", "clerk here", "I teach at a school", "just for us, at home".
    r"(?:indoor |shooting |gun |rifle )ranges?|gun (?:shops?|stores?|dealers?)|ski patrol(?:lers?)?|ski (?:areas?|hills?)|"
    r"linem[ae]n|substations?|utilit(?:y|ies)|(?:store |shop |night )?clerks?|clerk here|"
    r"(?:i|we) (?:teach|work|volunteer) (?:at|in|for) (?:a|an|the|our) (?:[\w']+ ){0,2}?(?:school|church|hospital|shop|store|"
    r"range|resort|club|library|charity|museum)|churche?s?|talent (?:agenc(?:y|ies)|management)|our talents?|"
    r"(?:just )?for us,? at home|at home,? just for us|just for (?:me|us|my family|the family)|"
    r"(?:just )?me personally|for me personally|personal (?:use|project|curiosity)|"
    # Businesses that ask about their own premises.
    r"dealerships?|car dealers?|academ(?:y|ies)|salons?|barber ?shops?|barbers|pawn (?:shops?|stores?|brokers?)|"
    r"gold buyers?|(?:self )?storage (?:facilit(?:y|ies)|units?|operators?|compan(?:y|ies))|summer camps?|"
    r"(?:golf|country|tennis) clubs?|leisure cent(?:re|er)s?|cinemas?|movie theat(?:re|er)s?|bingo halls?|"
    r"betting shops?|bookmakers?|arcades?|"
    # Halls, shared rides, homes to let and councils that run them for themselves.
    r"(?:concert|bingo|music|dance|sports|village|church|community|banquet|wedding|event|exhibition|snooker|pool) halls?|"
    r"bike ?shares?|(?:bike|cycle|scooter|e ?scooter|e ?bike|car) (?:share|sharing|hire|rental)(?: (?:schemes?|compan(?:y|ies)|"
    r"operators?|ops?))?|(?:e ?)?scooter (?:ops?|operators?|compan(?:y|ies)|firms?|start ?ups?)|"
    r"apartments?|apartment (?:blocks?|buildings?|complex(?:es)?)|property manag(?:er|ers|ement)(?: compan(?:y|ies))?|"
    r"(?:building|estate|facilities|site) manag(?:er|ers|ement)|letting agents?|leasing offices?|"
    r"[a-z]+marts?|multiplex(?:es)?|box office|swim (?:lessons?|schools?|clubs?)|"
    r"townships?|public works|parks (?:department|dept)|municipal (?:pools?|leisure|parks)"
)
# Officers who are not police ("compliance officer", "chief technology officer").
# fmt: off
_NOT_POLICE_OFFICERS = (
    "security", "compliance", "privacy", "data", "protection", "chief", "executive", "information",
    "technology", "financial", "operating", "loan", "medical", "health", "safety", "hr", "press",
    "marketing", "customer", "welfare", "environmental", "commanding", "naval", "army", "military",
    "training", "program", "programme", "project", "contracting", "procurement", "ethics", "legal",
    "risk", "investment", "accounting", "admissions", "election", "elected", "company", "corporate",
    "bank", "branch", "flight", "petty", "warrant", "first", "career", "development", "responsible",
    "ai", "product", "science", "sales", "revenue", "finance",
)
# fmt: on

CUES = [
    cue("law_enforcement", "yes", r"\bpolic(?:e[sd]?|ing|e(?:wo)?m[ae]n)\b"),
    cue("law_enforcement", "yes", r"\bcops?\b|\bcoppers\b"),
    # "a federal task force", "the joint drug task force": investigators pooled from forces.
    cue("law_enforcement", "yes", r"\b(?:federal|joint|drug|narcotics|gang|fugitive|terrorism|organi[sz]ed crime|violent crime|"
        r"regional|multi ?agency|human trafficking|trafficking) task forces?\b", strength=WEAK),
    cue("law_enforcement", "yes", r"\blaw enforcement\b|\blaw enforcers?\b"),
    cue("law_enforcement", "yes", r"\bsheriff(?:'s|s'|s)?\b|\bdeput(?:y sheriffs?|ies)\b"),
    cue(
        "law_enforcement", "yes", r"\btroopers?\b|\bdetectives?\b|\bconstab(?:les?|ular(?:y|ies))\b"
    ),
    cue(
        "law_enforcement",
        "yes",
        r"\bgendarm(?:erie|es?)\b|\bcarabinieri\b|\bgard(?:a|ai|aí)\b|\b\w*polizei\b|"
        r"\bpolic[ií]a\b|\bpolitie\b|\b(?:inter|euro)pol\b|\bfrontex\b|\brcmp\b|\bmounties\b|"
        r"\bscotland yard\b|\bbundeskriminalamt\b|\b(?:department of )?public safety(?: department)?\b",
    ),
    cue(
        "law_enforcement",
        "yes",
        r"\bfbi\b|\bdea\b|\batf\b|\bcbp\b|\bswat\b|\bprecincts?\b|\bmarshals\b|\bhomeland security\b|"
        r"\bborder (?:patrol|police|guards?|agents?|force|officers?|protection)\b|"
        r"\bimmigration (?:enforcement|officers?|agents?|police)\b|\bcustoms (?:officers?|agents?|officials|enforcement)\b|"
        r"\bfederal agents?\b",
    ),
    # Who holds police powers enforces the law, whatever the office is called: "parole agents
    # (we carry and have arrest powers)", "sworn peace officers".
    cue("law_enforcement", "yes", r"\b(?:arrest powers|powers? of arrest|power to arrest|sworn (?:officers?|agents?|"
        r"personnel|members|peace officers?|investigators?)|peace officers?|post[- ]certified)\b"),
    # Prosecutors and their investigators (§2.1): "DA investigator", "Deputy DA", "ADA".
    cue("law_enforcement", "yes", r"\bprosecutors?\b|\bdistrict attorneys?\b|\bda's office\b|"
        r"\bda(?:'s)? (?:investigators?|detectives?|offices?|inspectors?)\b|\b(?:deputy|assistant|chief) da\b|"
        r"\bstate's attorney's office\b|\bcounty attorney's (?:office|investigators?)\b|\bcrown prosecut\w+\b"),
    # Enforcement officers outside the police: wardens, fishery and conservation officers,
    # forest guards, coast guards (POLICY_MODEL.md §2.1: who enforces the law).
    cue(
        "law_enforcement",
        "yes",
        r"\b(?:game|park|wildlife|fish and game|conservation) wardens?\b|"
        r"\b(?:conservation|wildlife|fishery|fisheries|fish and wildlife|environmental) (?:officers?|enforcement)\b|"
        r"\bforest guards?\b|\bcoast ?guards?(?! (?:auxiliar\w+|volunteers?))\b|\b(?:law enforcement|le) rangers?\b",
    ),
    cue(
        "law_enforcement",
        "yes",
        r"\b(?:prison|jail|correctional|corrections) (?:officers?|guards?|department|authorities|service)\b|"
        r"\bdepartment of corrections\b|"
        # A county or city jail is the sheriff's or the police's: "county jail commander".
        r"\b(?:county|city|municipal) jails?\b|\bjail (?:commanders?|administrators?|captains?|wardens?)\b",
    ),
    cue(
        "law_enforcement",
        "yes",
        r"\bofficers?\b",
        not_after=_NOT_POLICE_OFFICERS,
    ),
    # Police as the recipient of someone else's results: only a hint that it is "for" them.
    cue(
        "law_enforcement",
        "yes",
        r"\b(?:report(?:s|ed|ing)?|hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|send(?:s|ing)?|sent|"
        r"forward(?:s|ed|ing)?)(?: [\w']+){0,3} (?:over )?to (?:the |local )?(?:police|cops|law enforcement)\b|"
        r"\b(?:call(?:s|ed|ing)?|alert(?:s|ed|ing)?|notif(?:y|ies|ied|ying)|tip(?:s|ped)? off|"
        r"contact(?:s|ed|ing)?) (?:the |local )?(?:police|cops|law enforcement)\b|"
        r"\bshar(?:e|es|ed|ing)(?: [\w']+){0,4} with (?:the |local )?(?:police|cops|law enforcement)\b",
        strength=WEAK,
        negated=DROP,
    ),
    # The police only as the source of a list or a warning: "people the police warned us
    # about", "photos the police gave us", "mugshots from the police". Who runs the use is
    # told elsewhere, or not at all.
    cue(
        "law_enforcement",
        "unknown",
        r"\b(?:the |local |our local )?(?:police|cops|law enforcement) (?:have |has |had )?(?:gave|give|given|sent|"
        r"shared|supplied|provided|handed|warned|told|circulated|issued|flagged)(?: (?:over|out))? "
        r"(?:us|me|them|our|the (?:church|mosque|synagogue|temple|committee|club|shop|store|school|venue|team))\b|"
        r"\b(?:photos?|pictures?|images?|mugshots?|lists?|watch ?lists?|descriptions?|bulletins?|alerts?|"
        r"warnings?|tips?|(?:data |information |disclosure )?requests?|warrants?|subpoenas?|orders?|letters?) "
        r"(?:[\w']+ ){0,2}?(?:from|given by|supplied by|provided by|shared by|sent by|issued by|"
        r"circulated by|of) (?:the |local |our local )?(?:police|cops|law enforcement)\b|"
        # Police footage as material others work on: "Phoenix PD releases the footage
        # publicly", "I break down police bodycam videos".
        r"\b(?:the )?(?:police|cops|law enforcement|pd|department|sheriff's office|sheriff) (?:[\w']+ )?"
        r"(?:releases?|released|publish(?:es|ed)?|posts?|posted|puts? out|put out|makes? public|made public|"
        r"uploads?|uploaded)(?: [\w']+){0,3}? (?:the |its |their |all |some )?(?:bodycam |body cam |dashcam )?"
        r"(?:footage|videos?|clips?|recordings?|images?|stills?)\b|"
        r"\b(?:footage|videos?|clips?|recordings?|images?) (?:[\w']+ )?(?:released|published|posted|made public) by "
        r"(?:the )?(?:police|cops|law enforcement|pd|department)\b|"
        r"\b(?:breaks? down|react(?:s|ing)? to|analy[sz]e[sd]?|analy[sz]ing|review(?:s|ing)?|watch(?:es|ing)?|"
        r"archiv(?:e|es|ing)|collect(?:s|ing)?) (?:[\w']+ ){0,2}?(?:public |released )?police (?:bodycam |body cam |"
        r"body camera |dashcam |dash cam )?(?:videos?|footage|clips?)\b|"
        # Officers as the people identified, not the ones identifying: "identify the officers
        # in those clips".
        r"\b(?:identif(?:y|ies|ied|ying)|recogni[sz](?:e|es|ed|ing)|nam(?:e|es|ed|ing)|match(?:es|ed|ing)?|"
        r"tag(?:s|ged|ging)?|blur(?:s|red|ring)?|unmask(?:s|ed|ing)?) (?:the |those |these |individual |any |all )?"
        r"(?:police )?(?:officers?|cops|deputies|agents|troopers)\b|"
        # The rules about police named, not police acting: "under the police / face recognition rules".
        r"\b(?:the )?(?:police|law enforcement|cops?)(?: and| or)? (?:(?:face|facial) recognition )?(?:rules?|bans?|"
        r"restrictions?|clauses?|provisions?|prohibitions?|polic(?:y|ies))\b|"
        r"\b(?:face|facial) recognition(?: ?/| or| and)? (?:police|law enforcement) (?:rules?|bans?|restrictions?|clauses?|polic(?:y|ies))\b|"
        # Police as what is watched: "footage to document police conduct".
        r"\bpolice (?:conduct|misconduct|brutality|violence|accountability|abuses?)\b|"
        # An agency as the office that paperwork is filed with: "the entries we file with CBP".
        r"\b(?:file|files|filed|filing|lodge[sd]?|lodging|submit(?:s|ted|ting)?) (?:[\w']+ ){0,3}?(?:with|to) (?:the )?"
        r"(?:cbp|customs|us customs|customs and border protection|ice|uscis|dhs|tsa|fbi|dea|atf|border (?:agency|force))\b",
        strength=SAYS_NOTHING,
        negated=DROP,
    ),
    # The police kept out of it: "the sheriff's office isn't involved at all".
    cue(
        "law_enforcement",
        "no",
        r"\b(?:police|sheriff's office|sheriff's department|sheriff|department|agency|fbi|cops|law enforcement) "
        r"(?:is|are|will be|would be|was|were)? ?(?:not|n't|never) (?:involved|part of (?:it|this)|in the loop)\b|"
        r"\bno (?:police|law enforcement|cops) (?:involved|involvement)\b|"
        r"\bno (?:[\w']+ ){1,3}(?:or|nor) (?:any )?(?:other )?(?:police|law enforcement|cops) (?:is |are )?(?:involved|involvement)\b|\bwithout (?:any )?(?:police|law enforcement) involvement\b|"
        # "the department has game wardens but they have nothing to do with this"
        r"\b(?:police|cops|officers|wardens|rangers|deputies|troopers|agents|sheriff's office|law enforcement)"
        r"(?:,? [\w']+){0,4}? (?:have|has|had|will have|would have) (?:nothing|no part|no role) (?:to do )?(?:with|in) "
        r"(?:it|this|that|the (?:project|pilot|system|scheme|programme|program))\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # Police who hire someone to do the work: that someone acts for them (§2.1).
    cue(
        "law_enforcement",
        "yes",
        r"\b(?:police|pd|nypd|lapd|sheriff's (?:office|department)|sheriffs?|department|force|agency|cops|fbi) "
        r"(?:[\w']+ ){0,2}?(?:hires?|hired|hiring|contracts? with|contracted|engages?|engaged|commissions?|commissioned|"
        r"outsources? (?:it |this |the work )?to) (?:a |an |the |some |outside |private |third party )?"
        r"(?:contractors?|vendors?|firms?|compan(?:y|ies)|consultants?|integrators?|labs?)\b",
        strength=ON_BEHALF,
        negated=DROP,
    ),
    # A place named, not an actor: "at an airport passport booth", "the store camera pics".
    cue("law_enforcement", "no", rf"\b(?:{_NON_LE_ACTORS})\b", strength=WEAK,
        skip=r"(?<!manager )(?<!director )(?<!engineer )(?<!analyst )(?<!officer )(?<!work )(?<!works )(?<!worked )"
             r"(?<!working )(?<!lead )(?<!head )(?<!staff )(?<!developer )(?<!founder )(?<!pm )(?<!here )"
             rf"\b(?:at|in|into|inside|outside|near|from|through|around|across|within|to|off) (?:the |a |an )(?:[\w']+ )?"
             rf"(?:{_NON_LE_ACTORS})\b|\b(?:{_NON_LE_ACTORS}) (?:[\w']+ )?(?:cams?|cameras?|cctv|footage|pics|photos?|images?|videos?|"
             r"feeds?|floors?|entrances?|doors?|gates?|corridors?|lobb(?:y|ies)|premises|booths?)\b|"
             # An app as the channel, not the actor: "registered with our 'find me' app".
             r"\b(?:with|in|on|through|via|using|into|from) (?:the |a |an |our |their |my |your |its )?(?:[\w'-]+ ){0,5}?apps?\b|"
             # A business as the source of the material, not the operator: "retailers keep
             # emailing us CCTV", "the footage the shops email us".
             rf"\b(?:{_NON_LE_ACTORS}) (?:[\w']+ )?(?:e-?mail|send|sent|giv|gave|forward|hand|shar|suppl|provid|pass|upload|submit)\w*"
             r" (?:over |on |in )?(?:us|me|them|him|her|police|officers|detectives|the police|the force|the detectives)\b"),
    # A public body may or may not be law enforcement: it holds the fact open against a
    # weak "no" ("a company builds it for a government agency").
    cue(
        "law_enforcement",
        "unknown",
        r"\b(?:agenc(?:y|ies)|governments?|ministr(?:y|ies)|authorit(?:y|ies)|councils?|municipalit(?:y|ies)|"
        r"public bod(?:y|ies)|government bod(?:y|ies)|departments?|state|federal|city hall|"
        r"financial intelligence units?|fius?|search and rescue|sar teams?|rescue (?:teams?|services?)|"
        # Who runs a prison for the state may or may not count as law enforcement.
        r"private prisons?|prison (?:compan(?:y|ies)|operators?|contractors?)|corrections (?:compan(?:y|ies)|contractors?))\b",
        strength=WEAK,
        negated=DROP,
        not_after=("police", "sheriff's", "sheriffs", "sheriff", "corrections", "correctional", "photo", "press",
                   "news", "advertising", "ad", "creative", "marketing", "talent", "staffing", "recruitment",
                   "recruiting", "travel", "modelling", "modeling", "design", "digital", "media", "pr", "estate",
                   "employment", "temp", "translation", "collection"),
    ),
    cue(
        "law_enforcement",
        "no",
        r"\boffices?\b",
        strength=WEAK,
        not_after=AGENCY_BEFORE_OFFICE,
        # "the matching happens back at the office": where the work is done, not who does it.
        skip=PLACE_AS_MODIFIER + r"|\b(?:back )?(?:at|in|into|from|through|via|to|by) (?:the |our |their |an? )?(?:[\w']+ ){0,2}?"
        r"offices?\b",
    ),
    # The actor says it is not police: "(not the police)", "I'm not law enforcement".
    cue(
        "law_enforcement",
        "no",
        r"\b(?:i'm|i am|im|we're|we are|is|are|isn't|aren't|am|it's|that's|who are|which is) not "
        r"(?:a |an |the |part of (?:the |a )?)?(?:police(?! (?:force|department|dept|service)s?\b)|law enforcement|cops?)\b|"
        r"\(not (?:the |a )?(?:police|law enforcement|cops)\)|\bnot for (?:the )?(?:police|law enforcement)\b|"
        r"\bnon (?:police|law enforcement)\b|\bnot (?:a |the )?police (?:agency|body)\b",
        strength=DECLARED,
        negated=DROP,
    ),
    # "We're FBI, not a police department in the usual sense": the clause's wording argued,
    # which a body named as law enforcement outranks; alone it still says who is not.
    cue(
        "law_enforcement",
        "no",
        r"\bnot (?:a |the |an? (?:[\w']+ )?)?police (?:force|department|dept|service)s?\b",
        strength=WEAK,
        negated=DROP,
    ),
    cue("law_enforcement", "no", r"\bbadge in\b|\bclock(?:s|ing)? in\b|\btime ?clocks?\b", strength=WEAK),
    # Building or running it for police: "at police request", "on behalf of the police",
    # "our customers are police forces", "we sell to sheriffs".
    cue(
        "law_enforcement",
        "yes",
        r"\b(?:at|on) (?:the )?(?:request of (?:the |a )?(?:police|law enforcement)|"
        r"(?:police|law enforcement)(?:'s)? (?:request|behalf))\b|"
        r"\bon behalf of (?:the |a |local |our )?(?:police|law enforcement|sheriff|prosecutors?)\b|"
        r"\b(?:for|to) (?:the |a |local |our |their |several |many )?(?:police|law enforcement) "
        r"(?:forces?|departments?|agenc(?:y|ies)|customers?|clients?|partners?)\b|"
        r"\b(?:customers?|clients?|buyers?|users?) (?:is|are|include|includes|will be) (?:a |the |several |many )?"
        r"(?:[\w']+ )?(?:police|law enforcement|sheriffs?)\b|"
        r"\b(?:sell|sells|selling|sold|build|builds|building|built|develop|developing|supply|supplying|"
        r"provide|providing) (?:[\w']+ ){0,3}?(?:to|for) (?:the |a |local |our )?(?:police|law enforcement|sheriffs?|"
        r"cops)\b|"
        # Its identifications handed to police: "the doorbell shares matches with local police".
        r"\b(?:share|shares|shared|sharing|send|sends|sent|sending|pass|passes|passed|passing|forward\w*) "
        r"(?:[\w']+ ){0,2}?(?:matches|hits|results|alerts|identifications|names) (?:[\w']+ ){0,2}?(?:with|to) "
        r"(?:the |a |local |our |their )?(?:police|law enforcement|sheriffs?|cops)\b",
        strength=ON_BEHALF,
        negated=DROP,
    ),
]
