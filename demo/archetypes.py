"""Hand-written kinds of service for the demo directory, grouped as the early help menu is.

Each archetype becomes one service, or one per site. Text may use {area}, {venue}, {street} and
{provider}. Need and circumstance names must match the vocabularies exactly (a test checks).
"""

from __future__ import annotations

from .data import SPECIALIST, TARGETED, UNIVERSAL, UNIVERSAL_PLUS, Archetype, Slot

U, UP, T, S = UNIVERSAL, UNIVERSAL_PLUS, TARGETED, SPECIALIST

EARLY_YEARS: tuple[Archetype, ...] = (
    Archetype(
        key="antenatal-classes",
        title="Bump to Baby antenatal classes – {area}",
        summary="A free four-week evening course for parents-to-be: labour and birth, feeding, "
        "and caring for a new baby. Birth partners welcome.",
        alt_summaries=(
            "Evening antenatal course run by midwives at {venue}. Come from about 30 weeks "
            "pregnant, with your birth partner if you like.",
        ),
        description=(
            "Our midwives run this relaxed course over four weekly evenings. You will learn "
            "what happens in labour, your choices for pain relief, and how to feed, settle "
            "and bathe your baby.",
            "It is a good way to meet other parents due around the same time as you. Many "
            "groups keep in touch long after their babies arrive.",
        ),
        needs=("Pregnancy and birth", "Infant feeding"),
        levels=(U,),
        providers=("hospitals",),
        expectant=True,
        parents=True,
        delivery="in_person group",
        sites=3,
        venue_kinds="hub",
        schedule=(Slot("@", "18:30", "20:30", "Four-week course, book a place"),),
        access="Book a place online or ask your midwife to book one for you. Courses fill up, "
        "so book from about 24 weeks.",
        referral_form=True,
        contact="Antenatal education team",
    ),
    Archetype(
        key="infant-feeding-drop-in",
        title="Infant feeding drop-in – {area}",
        summary="Help with breastfeeding, bottle feeding and mixed feeding from trained infant "
        "feeding workers. Drop in with your baby, no appointment needed.",
        alt_summaries=(
            "Worried about feeding? Bring your baby to {venue} for friendly, practical help "
            "with breast, bottle or mixed feeding.",
            "Weekly feeding support for new parents in {area}: latch, positioning, expressing, "
            "formula and starting solid food.",
        ),
        description=(
            "Feeding a new baby can be hard at first. Our infant feeding workers and peer "
            "supporters can watch a feed, help with positioning and attachment, and talk "
            "through any worries, whether you breastfeed, bottle feed or do both.",
            "We can also help with expressing, returning to work, and when and how to "
            "start solid food.",
        ),
        needs=("Infant feeding",),
        levels=(U,),
        providers=("community-health",),
        expectant=True,
        parents=True,
        ages=(0, 1),
        delivery="in_person group",
        sites=4,
        venue_kinds="hub",
        schedule=(Slot("@", "10:00", "12:00", "Drop in, no need to book"),),
        languages=(("pl", "Peer supporter speaks Polish"), ("so", "Interpreter on request")),
        contact="Infant feeding team",
        commissioner="public-health",
    ),
    Archetype(
        key="breastfeeding-line",
        title="Breastfeeding support line",
        summary="Talk to a trained breastfeeding supporter on the phone, seven days a week. "
        "For pregnant women and anyone feeding a baby.",
        description=(
            "Call or text to speak to a peer supporter who has breastfed themselves and is "
            "trained to help. Calls are free and confidential.",
            "If you need to be seen in person, we can book you into your nearest infant "
            "feeding drop-in or arrange a home visit.",
        ),
        needs=("Infant feeding",),
        levels=(U,),
        providers=("community-health",),
        expectant=True,
        parents=True,
        ages=(0, 1),
        delivery="phone",
        area_wide=True,
        schedule=(
            Slot("mo tu we th fr", "09:00", "17:00"),
            Slot("sa su", "10:00", "14:00", "Weekend line"),
        ),
        schedule_notes="Closed on Christmas Day.",
        text_line=True,
        freephone=True,
        commissioner="public-health",
        contact="Breastfeeding support line",
    ),
    Archetype(
        key="healthy-start",
        title="Healthy Start food and free vitamins",
        summary="Help to apply for Healthy Start payments for milk, fruit and vegetables, and "
        "where to collect free vitamins, if you are pregnant or have a child under 4.",
        description=(
            "Healthy Start is a prepaid card for milk, fruit, vegetables, pulses and infant "
            "formula. If you are at least 10 weeks pregnant or have a child under 4 and get "
            "certain benefits, you could be entitled.",
            "Our team can check whether you qualify, help you apply online, and tell you "
            "where to pick up free Healthy Start vitamins in {provider} venues.",
        ),
        needs=("Healthy Start food and vitamins", "Benefits and cost of living"),
        levels=(U,),
        providers=("council",),
        expectant=True,
        parents=True,
        ages=(0, 3),
        delivery="online phone",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        eligibility="You are at least 10 weeks pregnant or have a child under 4, and get "
        "Universal Credit, Child Tax Credit, Pension Credit or Income Support (conditions "
        "apply). Under-18s who are pregnant qualify whatever their income.",
        website=True,
        contact="Healthy Start team",
    ),
    Archetype(
        key="stay-and-play",
        title="Stay and Play – {area}",
        summary="Free play sessions for babies and young children with their parent or carer: "
        "messy play, songs, toys and a chance to meet other families.",
        alt_summaries=(
            "Drop-in play for under-5s and their grown-ups at {venue}. Sand, paint, stories "
            "and singing, with family hub staff on hand for a chat.",
            "A friendly play session for children aged 0 to 4 in {area}. Just turn up; "
            "tea and coffee for the grown-ups.",
            "Come and play! Indoor and garden play for babies, toddlers and pre-schoolers, "
            "with a family support worker there if you want advice.",
        ),
        description=(
            "Stay and Play is a relaxed session where you and your child can play together. "
            "There are different activities each week, from messy play and den building to "
            "music and stories, all designed to help your child learn through play.",
            "Family hub staff are always there, so it is an easy way to ask about anything "
            "from sleep and behaviour to nursery places and money worries.",
        ),
        needs=("Early years development",),
        levels=(U,),
        providers=("council",),
        parents=True,
        ages=(0, 4),
        delivery="in_person group",
        sites=8,
        venue_kinds="hub",
        schedule=(
            Slot("@", "09:30", "11:30", "Drop in"),
            Slot("@2", "13:30", "15:00", "Drop in"),
        ),
        schedule_notes="Closed on bank holidays.",
        access="Just come along with your child. The first time, we will ask you to fill in a "
        "short registration form.",
        contact="Family hub reception",
    ),
    Archetype(
        key="baby-massage",
        title="Baby massage classes – {area}",
        summary="A six-week course teaching gentle massage to soothe your baby, help with wind "
        "and sleep, and spend calm time together. For babies from 6 weeks to crawling.",
        description=(
            "A qualified baby massage instructor will show you simple strokes you can use "
            "every day. Many parents find it helps with colic, wind and settling at bedtime.",
            "Classes are small, so book ahead. Bring a towel and a spare nappy; we provide "
            "the oil.",
        ),
        needs=("Early years development", "Parental mental health"),
        levels=(U,),
        providers=("little-oaks",),
        parents=True,
        ages=(0, 1),
        delivery="in_person group",
        sites=2,
        venue_kinds="community",
        schedule=(Slot("@", "10:30", "11:30", "Six-week course"),),
        fees="£36 for a six-week course. Two free places on every course for families who get "
        "Universal Credit – just ask.",
        access="Book a place online or by phone.",
        website=True,
        contact="Little Oaks bookings",
    ),
    Archetype(
        key="chatterbox",
        title="Chatterbox talking and play group – {area}",
        summary="A small group for toddlers who are slow to start talking. A speech and "
        "language practitioner shows you games and tips to help at home.",
        alt_summaries=(
            "Is your toddler not saying many words yet? This friendly group at {venue} helps "
            "you boost your child's talking through play.",
        ),
        description=(
            "Chatterbox is for children aged 18 months to 4 years who are not yet talking as "
            "much as expected. Each week there are songs, books and play, and the "
            "practitioner shows you one or two simple things to try at home.",
            "You do not need a referral, but if your health visitor has already talked to "
            "you about your child's speech, mention it when you come.",
        ),
        needs=("Speech, language and communication", "Early years development"),
        levels=(UP,),
        providers=("community-health",),
        parents=True,
        ages=(1, 4),
        delivery="in_person group",
        sites=3,
        venue_kinds="hub",
        schedule=(Slot("@1", "13:30", "14:30", "Six-week block"),),
        term_time=True,
        who_can_refer="You, your health visitor, nursery or GP",
        contact="Early language team",
    ),
    Archetype(
        key="speech-therapy",
        title="Children's speech and language therapy",
        summary="Assessment and therapy for children and young people with speech, language, "
        "communication or swallowing difficulties, at clinic, nursery, school or home.",
        description=(
            "Our speech and language therapists work with children from birth to 18 who "
            "have difficulties with talking, understanding, stammering, voice, or eating and "
            "drinking safely.",
            "After an assessment, we agree a plan with you. Therapy may be in clinic, at your "
            "child's nursery or school, or at home, and we always give you activities to "
            "practise together.",
        ),
        needs=(
            "Speech, language and communication",
            "Special educational needs and disabilities (SEND)",
        ),
        levels=(T, S),
        providers=("community-health",),
        ages=(0, 18),
        delivery="in_person home",
        sites=1,
        venue_kinds="health",
        schedule=(Slot("mo tu we th fr", "08:30", "17:00", "By appointment"),),
        routes="professional self",
        who_can_refer="Parents of under-5s, health visitors, GPs, nurseries and schools",
        access="Parents of children under 5 can refer using our online form. For school-age "
        "children, ask the school's SENCo to refer.",
        referral_form=True,
        commissioner="health-partnership",
        contact="Speech and language therapy admin team",
    ),
    Archetype(
        key="two-year-funding",
        title="Free childcare for two-year-olds",
        summary="Check if your two-year-old can get 15 hours a week of free childcare, and "
        "find a nursery or childminder with a funded place.",
        description=(
            "Some two-year-olds can get up to 15 hours of free early education a week, "
            "for 38 weeks of the year, at a nursery, pre-school or childminder.",
            "Apply online and you will get an eligibility code to give to your chosen "
            "provider. If you are not online or need help, call us.",
        ),
        needs=("Childcare and early education",),
        levels=(UP,),
        providers=("council",),
        ages=(2, 2),
        parents=True,
        delivery="online phone",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        eligibility="Families getting certain benefits or on a low income, and children who "
        "have an education, health and care plan, get Disability Living Allowance, or are "
        "looked after or adopted.",
        access="Apply online using the form on our website. We will tell you within a week "
        "whether your child qualifies.",
        referral_form=True,
        website=True,
        contact="Early years funding team",
    ),
    Archetype(
        key="family-information-service",
        title="Family Information Service",
        summary="Free, impartial information about childcare, activities, help with costs and "
        "family services, for families with children and young people up to 25.",
        description=(
            "The Family Information Service can help you find childcare, understand what "
            "help you can get with childcare costs, and find activities and support for "
            "your family.",
            "We also keep the local offer for children and young people with special "
            "educational needs and disabilities up to date, and can point you to the right "
            "team.",
        ),
        needs=(
            "Childcare and early education",
            "Special educational needs and disabilities (SEND)",
        ),
        levels=(U,),
        providers=("council",),
        parents=True,
        ages=(0, 25),
        delivery="online phone",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        website=True,
        contact="Family Information Service",
    ),
    Archetype(
        key="health-visiting",
        title="Health visiting service",
        summary="Health visitors support every family from pregnancy until their child starts "
        "school, with home visits, development reviews and advice on feeding, sleep and "
        "wellbeing.",
        description=(
            "Every family in the borough has a named health visiting team. We visit you "
            "before your baby is born and at home after the birth, then check your child's "
            "health and development at 6 to 8 weeks, 1 year and 2 and a half.",
            "You can contact us any time for advice on feeding, sleep, behaviour, "
            "immunisations or how you are feeling. If your family needs extra help for a "
            "while, we can offer more visits.",
        ),
        needs=("Early years development", "Infant feeding", "Parental mental health"),
        levels=(U, UP),
        providers=("community-health",),
        expectant=True,
        parents=True,
        ages=(0, 4),
        delivery="home in_person phone",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00", "Duty health visitor line"),),
        languages=(
            ("tr", "Interpreter on request"),
            ("pt", "Interpreter on request"),
            ("ro", "Interpreter on request"),
        ),
        access="You do not need to do anything: your midwife tells us when you are pregnant. "
        "If you have moved into the area, call the duty line to register.",
        commissioner="public-health",
        contact="Duty health visitor",
        text_line=True,
    ),
    Archetype(
        key="baby-clinic",
        title="Baby health clinic – {area}",
        summary="Weekly drop-in to weigh your baby and talk to a health visitor or nursery "
        "nurse about feeding, sleep, development or anything else on your mind.",
        alt_summaries=(
            "Get your baby weighed and ask a health visitor for advice at {venue}. No "
            "appointment needed.",
            "Drop-in child health clinic for babies and toddlers under 2 in {area}.",
        ),
        description=(
            "Bring your baby and their red book. A member of the health visiting team will "
            "weigh your baby, plot their growth and answer your questions.",
            "It is also a good place to ask about immunisations, teething, starting solids, "
            "or how you are feeling yourself.",
        ),
        needs=("Early years development", "Infant feeding"),
        levels=(U,),
        providers=("community-health",),
        parents=True,
        ages=(0, 2),
        delivery="in_person",
        sites=4,
        venue_kinds="health hub",
        schedule=(Slot("@3", "13:30", "15:30", "Drop in, bring your baby's red book"),),
        commissioner="public-health",
        contact="Health visiting team",
    ),
    Archetype(
        key="family-nurse-partnership",
        title="Family Nurse Partnership",
        summary="A specially trained family nurse visits young first-time mums (and dads) at "
        "home from early pregnancy until their child is two.",
        description=(
            "If you are 19 or under and expecting your first baby, a family nurse can visit "
            "you regularly at home, from early pregnancy until your child's second birthday.",
            "Your nurse helps you have a healthy pregnancy, care for your baby, and think "
            "about your own goals, such as finishing education or finding work. Dads and "
            "partners are very welcome to take part.",
        ),
        needs=("Pregnancy and birth", "Parenting programmes"),
        levels=(T,),
        providers=("community-health",),
        circumstances=("Teenage parents",),
        expectant=True,
        parents=True,
        ages=(0, 2),
        delivery="home",
        area_wide=True,
        routes="professional self",
        who_can_refer="Midwives, GPs, school nurses and social workers; or get in touch yourself",
        eligibility="First-time parents aged 19 or under, who join before 28 weeks of pregnancy.",
        commissioner="public-health",
        contact="Family Nurse Partnership team",
        text_line=True,
    ),
    Archetype(
        key="toy-library",
        title="Toy library – {area}",
        summary="Borrow toys, games and sensory equipment for children under 6, and stay for "
        "a cuppa and a play.",
        description=(
            "Our toy library has hundreds of toys, puzzles, ride-ons and sensory toys you can "
            "borrow for up to three weeks at a time, so your child always has something new "
            "to play with.",
            "We have a special collection of toys for children with additional needs, "
            "chosen with local parents.",
        ),
        needs=("Early years development",),
        levels=(U,),
        providers=("play",),
        parents=True,
        ages=(0, 5),
        delivery="in_person",
        sites=2,
        venue_kinds="community",
        schedule=(Slot("@4", "10:00", "12:30"), Slot("sa", "10:00", "12:00")),
        fees="£2 a month family membership. Free for families who get means-tested benefits.",
        contact="Toy library volunteers",
    ),
    Archetype(
        key="toddler-gym",
        title="Little Movers toddler gym – {area}",
        summary="Active play for toddlers: soft play, balance beams, ball games and music, to "
        "build confidence and burn off energy.",
        description=(
            "A coach leads 45 minutes of fun physical play designed for children who are "
            "walking up to age 4, followed by free play on the equipment.",
            "Grown-ups join in. Socks off, bring a drink for your child.",
        ),
        needs=("Healthy weight and being active", "Early years development"),
        levels=(U,),
        providers=("leisure",),
        parents=True,
        ages=(1, 4),
        delivery="in_person group",
        sites=2,
        venue_kinds="sport",
        schedule=(Slot("@", "09:30", "10:15"), Slot("sa", "09:00", "09:45")),
        fees="£4.50 per child per session, pay on the door. Siblings under 1 free.",
        contact="Greenway Leisure bookings",
    ),
    Archetype(
        key="toddler-group",
        title="Little Lambs toddler group",
        summary="A long-running, friendly toddler group in the church hall: toys, craft, "
        "songs and snack time. Everyone welcome.",
        description=(
            "Little Lambs has met in St Aidan's hall for over twenty years. Volunteers set "
            "out toys, craft and a bouncy castle, and we finish with songs and a snack.",
            "You do not need to belong to the church. Parents, grandparents, childminders "
            "and nannies all come along.",
        ),
        needs=("Early years development",),
        levels=(U,),
        providers=("st-aidans",),
        parents=True,
        ages=(0, 4),
        delivery="in_person group",
        sites=1,
        venues=("st-aidans",),
        schedule=(Slot("tu th", "09:45", "11:30"),),
        term_time=True,
        fees="£1.50 per family, including tea, toast and fruit for the children.",
        contact="Little Lambs",
    ),
    Archetype(
        key="baby-bank",
        title="Baby bank",
        summary="Free clean, good-quality baby equipment, clothes, nappies and toiletries for "
        "families who need them, by referral from a professional.",
        description=(
            "We collect donated cots, prams, car seats, clothes and toys, check them "
            "carefully, and pass them on to local families who are struggling.",
            "A health visitor, midwife, social worker or support worker fills in a short "
            "referral with you. We will then contact you to arrange collection or delivery.",
        ),
        needs=("Food and essentials", "Pregnancy and birth"),
        levels=(UP,),
        providers=("family-action",),
        expectant=True,
        parents=True,
        ages=(0, 4),
        delivery="in_person",
        sites=1,
        venues=("albury-studios",),
        schedule=(Slot("we", "10:00", "14:00", "Collection by appointment"),),
        routes="professional",
        who_can_refer="Midwives, health visitors, social workers, family support workers",
        referral_form=True,
        contact="Baby bank coordinator",
    ),
)

PARENTING: tuple[Archetype, ...] = (
    Archetype(
        key="incredible-years",
        title="Incredible Years parenting course – {area}",
        summary="A 14-week group course for parents of children aged 3 to 8: play, praise, "
        "setting limits and staying calm when things get tough.",
        alt_summaries=(
            "Finding your child's behaviour hard? Join other parents at {venue} for a "
            "practical, evidence-based course. Free, with a crèche.",
        ),
        description=(
            "Incredible Years is one of the best-researched parenting programmes there is. "
            "Each week you watch short video clips of real families, talk about what works, "
            "and try one new idea at home.",
            "Groups are small and friendly, and nobody is judged. A free crèche is available "
            "for under-5s if you book it.",
        ),
        needs=("Parenting programmes",),
        levels=(UP, T),
        providers=("council",),
        parents=True,
        ages=(3, 8),
        delivery="in_person group",
        sites=3,
        venue_kinds="hub",
        schedule=(Slot("@", "09:30", "11:30", "Fourteen-week course"),),
        term_time=True,
        routes="self professional early_help",
        who_can_refer="You, or any professional working with your family",
        referral_form=True,
        contact="Parenting team",
    ),
    Archetype(
        key="parenting-teenagers",
        title="Parenting teenagers course – {area}",
        summary="An evening course for parents and carers of 11 to 17 year olds: "
        "communication, boundaries, risk, and looking after yourself.",
        description=(
            "Living with a teenager can be exhausting. This eight-week course gives you "
            "space to talk with other parents and practical ways to keep talking, set fair "
            "limits and cope with conflict.",
            "Topics include screen time, friendships, keeping safe outside the home and "
            "what to do if you are worried about drugs or exploitation.",
        ),
        needs=("Parenting teenagers",),
        levels=(UP,),
        providers=("family-action",),
        parents=True,
        ages=(11, 17),
        delivery="in_person group",
        sites=2,
        venue_kinds="community school",
        schedule=(Slot("@2", "18:30", "20:30", "Eight-week course"),),
        term_time=True,
        commissioner="council",
        referral_form=True,
        contact="Parenting teenagers team",
    ),
    Archetype(
        key="parental-conflict",
        title="Arguing Better: relationship support for parents",
        summary="Free sessions for parents, together or apart, who argue a lot and are "
        "worried about the effect on their children.",
        description=(
            "All couples argue, but frequent, intense conflict between parents can affect "
            "children's mental health and progress at school.",
            "Arguing Better is a six-session course, online or in a group, that helps you "
            "understand conflict, listen and be heard, and keep children out of the middle. "
            "It is not for relationships where there is abuse; we can help you find the "
            "right support if that is the case.",
        ),
        needs=("Parental conflict", "Separation and divorce"),
        levels=(UP,),
        providers=("family-action",),
        parents=True,
        ages=(0, 18),
        delivery="online group in_person",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("th", "19:00", "21:00", "Online or in person"),),
        commissioner="council",
        referral_form=True,
        contact="Arguing Better team",
    ),
    Archetype(
        key="separated-parents",
        title="Separated parents' information sessions",
        summary="Online sessions for parents going through separation: putting children "
        "first, making arrangements, and where to get legal and money advice.",
        description=(
            "Separation is one of the hardest things a family goes through. These sessions, "
            "led by a family mediator and a counsellor, explain what children need to hear, "
            "how to agree arrangements, and how mediation works.",
            "You can join without your ex-partner. Sessions are online, in the evening, "
            "with cameras optional.",
        ),
        needs=("Separation and divorce",),
        levels=(U,),
        providers=("counselling",),
        parents=True,
        ages=(0, 18),
        delivery="online group",
        area_wide=True,
        schedule=(Slot("tu", "19:30", "21:00", "Online, first Tuesday of the month"),),
        fees="£15 per session. Free if you get a means-tested benefit or are on a low income.",
        website=True,
        contact="Family services team",
    ),
    Archetype(
        key="dads-club",
        title="Dads' Saturday club – {area}",
        summary="Saturday morning play and breakfast for dads, granddads and male carers with "
        "their children. Football, craft, Lego and bacon rolls.",
        alt_summaries=(
            "A Saturday session at {venue} for dads and male carers and their kids: play, "
            "breakfast and a chat with other dads.",
        ),
        description=(
            "Run by local dads for local dads. Bring your children along for a morning of "
            "play, then grab a coffee and a bacon roll while they carry on.",
            "Dads tell us it is a good way to spend time with their children and meet "
            "other men in the same boat. Step-dads, granddads, uncles and foster dads all "
            "welcome.",
        ),
        needs=("Dads and male carers",),
        levels=(U,),
        providers=("dads",),
        circumstances=("Dads and male carers",),
        parents=True,
        ages=(0, 11),
        delivery="in_person group",
        sites=3,
        venue_kinds="hub",
        schedule=(Slot("sa", "10:00", "12:00", "Drop in"),),
        contact="Dads' Network volunteers",
    ),
    Archetype(
        key="dads-online",
        title="Dads' peer support group (online)",
        summary="An evening online group where dads and male carers can talk honestly about "
        "fatherhood, stress and mental health.",
        description=(
            "Becoming a dad, or dealing with separation, money worries or a child with "
            "extra needs, can be isolating. This online group meets every other week.",
            "A trained facilitator keeps it safe and confidential. You can keep your camera "
            "off and just listen.",
        ),
        needs=("Dads and male carers", "Parental mental health"),
        levels=(U,),
        providers=("dads",),
        circumstances=("Dads and male carers",),
        parents=True,
        delivery="online group",
        area_wide=True,
        schedule=(Slot("we", "20:00", "21:00", "Every other week, online"),),
        contact="Dads' Network",
    ),
    Archetype(
        key="kinship-group",
        title="Kinship carers' support group",
        summary="A monthly group for grandparents and other relatives raising a child: share "
        "experiences, get advice on money and legal orders, and make friends.",
        description=(
            "If you are bringing up a grandchild, niece, nephew, younger sibling or a "
            "friend's child, you are a kinship carer. Our group meets on the first Thursday "
            "of each month.",
            "Each meeting has a short talk, for example on allowances, special guardianship "
            "or school admissions, then time to talk. A crèche is available.",
        ),
        needs=("Kinship care",),
        levels=(UP,),
        providers=("kinship",),
        circumstances=("Kinship carers",),
        parents=True,
        ages=(0, 18),
        delivery="in_person group phone",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("th", "10:00", "12:30", "First Thursday of the month"),),
        contact="Kinship Circle support worker",
    ),
    Archetype(
        key="kinship-advice",
        title="Kinship care advice line",
        summary="Advice by phone for relatives and friends raising a child: legal orders, "
        "financial support, contact with parents and dealing with social services.",
        description=(
            "Our advisers understand kinship care inside out. They can explain the "
            "differences between special guardianship, child arrangements orders and being "
            "a family foster carer, and what support you should get.",
            "We can also help you prepare for meetings with children's services.",
        ),
        needs=("Kinship care",),
        levels=(U,),
        providers=("kinship",),
        circumstances=("Kinship carers",),
        parents=True,
        delivery="phone online",
        area_wide=True,
        schedule=(Slot("mo tu we th", "10:00", "15:00"),),
        freephone=True,
        contact="Kinship advice line",
    ),
    Archetype(
        key="early-help-family-support",
        title="Early help family support",
        summary="A family support worker works with the whole family for around six months, "
        "with a plan you agree together, when there are several things going on at once.",
        description=(
            "Early help is for families who need more help than universal services can "
            "give but do not need children's social care. A family support worker will "
            "meet you at home, listen to what is happening, and agree a family plan with "
            "you and the other people involved, such as your child's school.",
            "Support might include help with routines and behaviour, school attendance, "
            "relationships, money or housing, and linking you to other services. It is "
            "voluntary: we only work with families who want to.",
        ),
        needs=("Parenting programmes", "Parental conflict", "School attendance"),
        levels=(T,),
        providers=("council",),
        parents=True,
        ages=(0, 18),
        delivery="home in_person",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        who_can_refer="Any professional, with the family's agreement. Families can also ask "
        "for help themselves.",
        access="Ask a professional who knows you to complete an early help assessment with "
        "you, or call us to talk it through.",
        routes="early_help professional self",
        referral_form=True,
        contact="Early help hub",
    ),
    Archetype(
        key="home-visiting-volunteers",
        title="Volunteer home visiting for families with young children",
        summary="A trained volunteer, usually a parent themselves, visits you at home each "
        "week to offer friendship, a listening ear and practical help.",
        description=(
            "Parenting young children can be lonely, especially if you are new to the area, "
            "have twins, or are feeling low. A HomeFriends volunteer visits for about two "
            "hours a week, for as long as you need, usually three to nine months.",
            "Volunteers can help you get out to groups, keep appointments, and find your "
            "feet. Everything is confidential.",
        ),
        needs=("Parental mental health", "Parenting programmes"),
        levels=(UP,),
        providers=("homefriends",),
        expectant=True,
        parents=True,
        ages=(0, 5),
        delivery="home",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:30", "16:30", "Office hours"),),
        routes="self professional",
        who_can_refer="You, or your health visitor, midwife, GP or family hub",
        commissioner="council",
        referral_form=True,
        contact="HomeFriends coordinator",
    ),
    Archetype(
        key="send-parenting",
        title="Understanding your child's behaviour: course for parents of children with SEND",
        summary="A six-week course for parents of children with autism, ADHD, learning "
        "disabilities or other additional needs, on behaviour, sensory needs and self-care.",
        description=(
            "Run by parents who have been there, together with a clinical psychologist. "
            "You will learn why behaviour that challenges happens, how sensory needs and "
            "anxiety play a part, and practical ways to make daily life calmer.",
            "Choose the daytime group in person or the evening group online. Your child "
            "does not need a diagnosis.",
        ),
        needs=(
            "Parenting programmes",
            "Special educational needs and disabilities (SEND)",
            "Autism and ADHD",
        ),
        levels=(UP,),
        providers=("spectrum",),
        circumstances=("Families with a disabled child",),
        parents=True,
        ages=(3, 18),
        delivery="online group in_person",
        sites=1,
        venue_kinds="community",
        schedule=(
            Slot("tu", "10:00", "12:00", "In person"),
            Slot("th", "19:30", "21:00", "Online"),
        ),
        term_time=True,
        referral_form=True,
        contact="Spectrum Families courses",
    ),
    Archetype(
        key="young-parents",
        title="Young parents' group – {area}",
        summary="A weekly group for parents and parents-to-be aged 16 to 24: make friends, "
        "get advice, and plan what is next for you and your baby.",
        description=(
            "Being a young parent can mean people make assumptions about you. Here you will "
            "meet others your age, with a youth worker and a family practitioner on hand.",
            "We cover the things you ask for, from benefits and housing to college, baby "
            "first aid and healthy relationships. Lunch is provided and there is a crèche.",
        ),
        needs=("Parenting programmes", "Pregnancy and birth"),
        levels=(UP,),
        providers=("family-action",),
        circumstances=("Teenage parents",),
        expectant=True,
        parents=True,
        ages=(0, 3),
        delivery="in_person group",
        sites=2,
        venue_kinds="hub",
        schedule=(Slot("@1", "11:00", "13:30", "Lunch and crèche"),),
        eligibility="Parents and parents-to-be aged 16 to 24.",
        contact="Young parents' worker",
        text_line=True,
    ),
    Archetype(
        key="edge-of-care",
        title="Intensive family support for teenagers at risk of care",
        summary="Intensive work at home, including evenings and weekends, with families of "
        "teenagers who may otherwise need to come into care.",
        description=(
            "When relationships at home have broken down, a small team of practitioners "
            "works intensively with the young person and family, sometimes several times a "
            "week, for up to 16 weeks.",
            "The aim is to keep young people safely at home where possible, repair "
            "relationships and build a support network around the family.",
        ),
        needs=("Parenting teenagers", "Parental conflict"),
        levels=(S,),
        providers=("council",),
        parents=True,
        ages=(11, 17),
        delivery="home",
        area_wide=True,
        who_can_refer="Children's social workers only",
        access="Allocated social workers can refer through the front door. Families cannot "
        "refer themselves, but can ask their social worker about it.",
        contact="Adolescent support team",
    ),
    Archetype(
        key="front-door",
        title="Children's social care: the Lewisham front door (MASH)",
        summary="If you are worried a child is being harmed or is at risk of harm, contact the "
        "multi-agency safeguarding hub. If a child is in immediate danger, call 999.",
        description=(
            "The front door is the way in to children's social care and targeted early help. "
            "Social workers and partners from health, police and education look at every "
            "contact together and decide the right response.",
            "Professionals should use the online referral form. Members of the public can "
            "call us; you do not need to be certain, and you do not have to give your name.",
        ),
        needs=("Domestic abuse", "Exploitation (criminal and sexual)"),
        levels=(S,),
        providers=("council",),
        ages=(0, 18),
        delivery="phone online",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        schedule_notes="Out of hours, the same number goes to the emergency duty team.",
        routes="front professional self",
        who_can_refer="Anyone worried about a child. Professionals use the referral form.",
        access="Call the front door, or professionals complete the online referral form. Out "
        "of hours, call the emergency duty team on the same number.",
        referral_form=True,
        contact="Multi-agency safeguarding hub",
    ),
    Archetype(
        key="family-group-conferences",
        title="Family group conferences",
        summary="An independent coordinator helps your wider family and friends come together "
        "to make a plan to keep your children safe and well.",
        description=(
            "A family group conference is a meeting where the family, not professionals, "
            "leads the decisions. A coordinator helps you decide who to invite, from "
            "grandparents to close family friends, and prepares everyone.",
            "Professionals share information, then leave the family to talk in private and "
            "agree a plan.",
        ),
        needs=("Kinship care", "Parental conflict"),
        levels=(T, S),
        providers=("council",),
        parents=True,
        ages=(0, 18),
        delivery="home in_person",
        area_wide=True,
        routes="professional early_help",
        who_can_refer="Social workers and early help lead practitioners",
        contact="Family group conference team",
    ),
)

EDUCATION: tuple[Archetype, ...] = (
    Archetype(
        key="attendance-support",
        title="School attendance support team",
        summary="Help for children who are missing school and their families, working with the "
        "school to understand why and to agree a plan to get back on track.",
        description=(
            "Children miss school for many reasons: anxiety, illness, bullying, caring for "
            "someone, or problems at home. Our attendance practitioners meet families at "
            "home or in school to find out what is going on.",
            "We work with the school on changes that might help, and can link you to other "
            "support. We try to solve problems before any formal action is considered.",
        ),
        needs=("School attendance",),
        levels=(T,),
        providers=("council",),
        ages=(5, 16),
        parents=True,
        delivery="home in_person",
        area_wide=True,
        routes="professional early_help",
        who_can_refer="Schools and other professionals",
        access="Speak to your child's school, which will refer to us. If you are worried "
        "about your child's attendance, you can also call us for advice.",
        contact="Attendance support team",
    ),
    Archetype(
        key="back-on-track",
        title="Back on Track mentoring – {area}",
        summary="Weekly one-to-one mentoring in school for 11 to 16 year olds who are missing "
        "lessons, at risk of exclusion, or have lost their way.",
        alt_summaries=(
            "A trained mentor meets young people at {venue} each week to rebuild confidence "
            "and get school back on track.",
        ),
        description=(
            "Mentors are youth workers who meet young people in school once a week, for up "
            "to two terms. Together they set goals, talk through what is getting in the "
            "way, and celebrate progress.",
            "Mentors also keep in touch with parents and carers and can help at meetings "
            "with the school.",
        ),
        needs=("School attendance", "Behaviour and exclusion from school"),
        levels=(UP, T),
        providers=("catford-yp",),
        ages=(11, 16),
        delivery="in_person",
        sites=3,
        venue_kinds="school",
        schedule=(Slot("@", "09:00", "15:00", "In school, by arrangement"),),
        term_time=True,
        routes="professional",
        who_can_refer="Schools, with the young person's agreement",
        commissioner="council",
        contact="Back on Track mentoring",
    ),
    Archetype(
        key="sendiass",
        title="SEND information, advice and support (SENDIASS)",
        summary="Free, confidential and impartial advice for parents, children and young "
        "people up to 25 about special educational needs, EHC plans and disability.",
        description=(
            "We help you understand the SEND system: what support schools should give, how "
            "to ask for an education, health and care needs assessment, what should be in "
            "an EHC plan, and how to appeal a decision.",
            "We can help with letters and forms, come to meetings with you, and support "
            "young people to have their own say.",
        ),
        needs=("Special educational needs and disabilities (SEND)",),
        levels=(U,),
        providers=("sendiass",),
        circumstances=("Families with a disabled child",),
        parents=True,
        ages=(0, 25),
        delivery="phone online in_person",
        area_wide=True,
        sites=1,
        venue_kinds="advice",
        schedule=(
            Slot("mo tu we th", "09:30", "16:30", "Helpline"),
            Slot("fr", "09:30", "13:00", "Helpline"),
        ),
        commissioner="council",
        website=True,
        contact="SENDIASS helpline",
    ),
    Archetype(
        key="short-breaks",
        title="Short breaks for disabled children – {area}",
        summary="After-school and Saturday clubs for disabled children and young people, "
        "giving them fun and friendship and their families a break.",
        description=(
            "Our short break clubs have a high staff ratio and trained workers, so children "
            "with complex needs, including personal care, can take part in sport, arts, "
            "cooking and trips.",
            "Places are allocated through a short breaks assessment. Some families use a "
            "direct payment to pay for sessions.",
        ),
        needs=(
            "Disabled children and young people",
            "Special educational needs and disabilities (SEND)",
        ),
        levels=(T,),
        providers=("bellingham-trust", "play"),
        circumstances=("Families with a disabled child",),
        ages=(5, 18),
        delivery="in_person group",
        sites=2,
        venue_kinds="youth community",
        schedule=(Slot("@3", "15:30", "18:00", "After school"), Slot("sa", "10:00", "15:00")),
        routes="professional self",
        who_can_refer="Families, through a short breaks assessment; social workers",
        access="Ask the children with disabilities team for a short breaks assessment, or "
        "call us to talk about a place.",
        commissioner="council",
        contact="Short breaks coordinator",
    ),
    Archetype(
        key="exclusion-advice",
        title="School exclusion advice line",
        summary="Advice for parents whose child has been suspended or permanently excluded, "
        "or is at risk of it, including how to challenge a decision.",
        description=(
            "An exclusion can feel overwhelming. Our advisers explain your rights, how to "
            "prepare for a governors' meeting, and what happens to your child's education "
            "next.",
            "If your child has special educational needs, we look at whether their needs "
            "are being met.",
        ),
        needs=("Behaviour and exclusion from school",),
        levels=(UP,),
        providers=("sendiass",),
        parents=True,
        ages=(5, 18),
        delivery="phone",
        area_wide=True,
        schedule=(Slot("mo we fr", "10:00", "14:00"),),
        contact="Exclusion advice line",
    ),
    Archetype(
        key="alternative-learning",
        title="Next Steps alternative learning programme",
        summary="Part-time education in a small group for 14 to 16 year olds who are not "
        "managing in mainstream school, with English, maths and vocational tasters.",
        description=(
            "Next Steps offers a fresh start in a small, calm setting. Young people study "
            "English and maths and try practical courses such as construction, media and "
            "catering, alongside mentoring.",
            "Places are arranged with the young person's school, which stays responsible "
            "for their education.",
        ),
        needs=(
            "Behaviour and exclusion from school",
            "Education, employment and training after 16",
        ),
        levels=(T, S),
        providers=("catford-yp",),
        ages=(14, 16),
        delivery="in_person group",
        sites=1,
        venue_kinds="youth",
        schedule=(Slot("mo tu we th", "09:30", "14:30"),),
        term_time=True,
        routes="professional",
        who_can_refer="Schools and the council's inclusion team",
        contact="Next Steps",
    ),
    Archetype(
        key="youth-employment-hub",
        title="Youth employment hub – {area}",
        summary="Careers advice, CV help, apprenticeships and job search support for young "
        "people aged 16 to 24 who are not in education, employment or training.",
        alt_summaries=(
            "Drop in to {venue} for help finding a course, apprenticeship or job. For 16 to "
            "24 year olds.",
        ),
        description=(
            "Our advisers help young people work out what they want to do and how to get "
            "there: college courses, apprenticeships, traineeships or jobs.",
            "We help with CVs, applications and interview practice, and can sometimes help "
            "with travel costs and clothes for interviews.",
        ),
        needs=("Education, employment and training after 16", "Employment and skills"),
        levels=(UP,),
        providers=("thrive",),
        circumstances=("Care leavers",),
        ages=(16, 24),
        delivery="in_person online",
        sites=3,
        venue_kinds="advice community",
        schedule=(Slot("@", "10:00", "16:00", "Drop in"), Slot("@3", "13:00", "17:00")),
        commissioner="council",
        contact="Youth employment advisers",
        text_line=True,
    ),
    Archetype(
        key="supported-internships",
        title="Supported internships for young people with SEND",
        summary="A year-long work placement with a job coach, for young people aged 16 to 25 "
        "with an EHC plan who want to move into paid work.",
        description=(
            "Interns spend most of the week at a local employer, learning real job skills "
            "with support from a job coach, and the rest studying English, maths and "
            "work skills.",
            "Most interns move into paid jobs or apprenticeships at the end of the year.",
        ),
        needs=(
            "Special educational needs and disabilities (SEND)",
            "Education, employment and training after 16",
        ),
        levels=(T,),
        providers=("thrive",),
        ages=(16, 25),
        delivery="in_person",
        sites=1,
        venue_kinds="advice",
        routes="professional self",
        eligibility="Young people aged 16 to 25 with an education, health and care plan.",
        who_can_refer="SEND caseworkers, schools, colleges, or the young person",
        referral_form=True,
        contact="Supported internships team",
    ),
    Archetype(
        key="homework-club",
        title="Homework club – {area}",
        summary="A quiet place after school to do homework, with volunteers to help, computers "
        "and printing, and a snack.",
        alt_summaries=(
            "After-school homework help for 8 to 14 year olds at {venue}. Free, with snacks "
            "and laptops.",
        ),
        description=(
            "Volunteer tutors, many of them students and retired teachers, help with reading, "
            "maths and homework. Children who do not have space or a computer at home are "
            "especially welcome.",
            "Parents can stay or collect children at the end. Please sign your child in the "
            "first time.",
        ),
        needs=("Youth clubs and activities", "School attendance"),
        levels=(U,),
        providers=("downham", "bellingham-trust", "pepys"),
        ages=(8, 14),
        delivery="in_person group",
        sites=4,
        venue_kinds="community youth",
        schedule=(Slot("@", "15:45", "17:30"), Slot("@2", "15:45", "17:30")),
        term_time=True,
        contact="Homework club",
    ),
    Archetype(
        key="esol",
        title="English classes for parents (ESOL) – {area}",
        summary="Friendly English classes for parents and carers, from beginners up, with a "
        "crèche, so you can talk to your child's school, doctor and neighbours.",
        alt_summaries=(
            "Learn English at {venue}: small classes for parents at every level, in school "
            "hours, with free childcare for under-5s.",
        ),
        description=(
            "Classes cover everyday English for family life: speaking to teachers, making "
            "appointments, reading letters, and helping your child with reading.",
            "We assess your level at your first visit and find you the right class. Classes "
            "lead to a qualification if you want one.",
        ),
        needs=("Employment and skills", "Refugee and asylum-seeking families"),
        levels=(U,),
        providers=("refugee-welcome", "lee-advice"),
        circumstances=("Refugee and asylum-seeking families",),
        parents=True,
        delivery="in_person group",
        sites=3,
        venue_kinds="community advice",
        schedule=(Slot("@ @2", "09:30", "11:30"),),
        term_time=True,
        fees="£45 a term. Free if you get Universal Credit or another means-tested benefit, "
        "or are seeking asylum.",
        languages=(
            ("ar", "Tutor speaks Arabic"),
            ("ti", "Volunteer speaks Tigrinya"),
            ("uk", "Volunteer speaks Ukrainian"),
        ),
        contact="ESOL enrolment",
    ),
    Archetype(
        key="grt-education",
        title="Gypsy, Roma and Traveller education support",
        summary="Support for Gypsy, Roma and Traveller children and families with school "
        "admissions, attendance and staying in education.",
        description=(
            "Our education adviser works with families and schools to help children start "
            "school, settle in, and keep learning, including when families travel.",
            "We can help with school applications, talk to schools about cultural needs, and "
            "support young people into college.",
        ),
        needs=("School attendance",),
        levels=(UP,),
        providers=("council",),
        circumstances=("Gypsy, Roma and Traveller families",),
        parents=True,
        ages=(4, 18),
        delivery="home phone",
        area_wide=True,
        languages=(("ro", "Romanian speaker in the team"),),
        contact="Traveller education adviser",
    ),
    Archetype(
        key="breakfast-club",
        title="Breakfast club – {venue}",
        summary="A healthy breakfast and calm start to the day before school, from 7.45am. "
        "Open to all pupils.",
        description=(
            "Breakfast club opens at 7.45am with cereal, toast, fruit and a hot option, "
            "followed by games and reading until the start of the school day.",
            "It helps children arrive on time and ready to learn, and helps working parents "
            "with the morning drop-off.",
        ),
        needs=("Food and essentials", "School attendance"),
        levels=(U,),
        providers=("ladywell-fields-school", "childers-school"),
        ages=(4, 11),
        delivery="in_person group",
        sites=2,
        venues=("ladywell-fields-school", "childers-school"),
        schedule=(Slot("mo tu we th fr", "07:45", "08:45"),),
        term_time=True,
        fees="£1 per morning. Free for children who get free school meals.",
        access="Book through the school office or the school app.",
        contact="School office",
    ),
    Archetype(
        key="kirkdale-sports",
        title="Community sports evenings at Kirkdale Academy",
        summary="Free football, basketball and dance after school for young people aged 11 "
        "to 16, open to students from any school.",
        description=(
            "Qualified coaches run sessions in the sports hall and on the 3G pitch. Just "
            "bring trainers and a water bottle.",
            "Young people from any school are welcome; sign up on your first visit with a "
            "parent's contact number.",
        ),
        needs=("Youth clubs and activities", "Healthy weight and being active"),
        levels=(U,),
        providers=("kirkdale-academy",),
        ages=(11, 16),
        delivery="in_person group",
        sites=1,
        venues=("kirkdale-academy",),
        schedule=(Slot("tu th", "16:00", "18:00"),),
        term_time=True,
        contact="Kirkdale Academy PE department",
    ),
)

HEALTH: tuple[Archetype, ...] = (
    Archetype(
        key="mental-health-support-teams",
        title="Mental health support teams in schools",
        summary="Practitioners in schools and colleges who help children and young people with "
        "mild to moderate anxiety, low mood and worries, through the school.",
        description=(
            "Our teams work in many Lewisham schools. They offer short pieces of one-to-one "
            "or group work based on cognitive behavioural therapy, workshops for parents, and "
            "advice to school staff.",
            "For younger children, we mainly work through their parents and carers.",
        ),
        needs=("Emotional wellbeing and mental health",),
        levels=(UP,),
        providers=("mental-health",),
        ages=(5, 18),
        parents=True,
        delivery="in_person",
        area_wide=True,
        routes="professional",
        who_can_refer="Your child's school or college (ask the mental health lead)",
        commissioner="health-partnership",
        contact="Mental health support team",
    ),
    Archetype(
        key="young-peoples-counselling",
        title="Young people's counselling – {area}",
        summary="Free, confidential counselling for young people aged 11 to 25, for anything "
        "on your mind: stress, family, relationships, identity or loss.",
        alt_summaries=(
            "Talk to a counsellor at {venue}. For 11 to 25 year olds; you can refer yourself "
            "and your parents don't need to know.",
            "Up to 12 free counselling sessions for young people in {area}, face to face, "
            "by phone or video.",
        ),
        description=(
            "You can talk to one of our counsellors about anything. Sessions last 50 minutes "
            "and are usually weekly for up to 12 weeks.",
            "What you say stays between you and your counsellor, unless we are worried about "
            "your safety, in which case we would talk to you first.",
        ),
        needs=("Emotional wellbeing and mental health",),
        levels=(UP,),
        providers=("counselling",),
        ages=(11, 25),
        delivery="in_person online phone",
        sites=3,
        venue_kinds="health advice community",
        schedule=(Slot("@", "15:00", "20:00", "By appointment"), Slot("sa", "10:00", "14:00")),
        routes="self professional",
        who_can_refer="Young people themselves, parents, GPs, schools",
        referral_form=True,
        commissioner="health-partnership",
        languages=(("pa", "Counsellor speaks Panjabi"), ("fr", "Counsellor speaks French")),
        contact="Counselling intake team",
        text_line=True,
    ),
    Archetype(
        key="online-counselling",
        title="TalkSafe online counselling for young people",
        summary="Anonymous online chat with qualified counsellors, plus moderated peer forums "
        "and self-help articles. For 10 to 25 year olds, no referral needed.",
        description=(
            "Sign up with a username, no real name needed, and chat with a counsellor the "
            "same day, or book a regular session.",
            "Young people can also read and write articles and join moderated forums about "
            "exams, friendships, anxiety and more.",
        ),
        needs=("Emotional wellbeing and mental health", "Bullying and online safety"),
        levels=(U,),
        providers=("talksafe",),
        ages=(10, 25),
        delivery="online",
        area_wide=True,
        schedule=(
            Slot("mo tu we th fr", "12:00", "22:00", "Counsellors online"),
            Slot("sa su", "18:00", "22:00", "Counsellors online"),
        ),
        commissioner="health-partnership",
        website=True,
        contact="TalkSafe support",
    ),
    Archetype(
        key="camhs",
        title="Child and adolescent mental health service (CAMHS)",
        summary="Assessment and treatment for children and young people up to 18 with "
        "significant mental health difficulties, by referral.",
        description=(
            "CAMHS teams include psychiatrists, psychologists, family therapists and mental "
            "health nurses. They help with problems such as severe anxiety, depression, "
            "eating disorders, self-harm and psychosis.",
            "After a referral, we will contact you to arrange an assessment and agree what "
            "help is right. If you are worried about a young person's immediate safety, "
            "go to A&E or call 999.",
        ),
        needs=("Emotional wellbeing and mental health",),
        levels=(S,),
        providers=("mental-health",),
        ages=(0, 18),
        delivery="in_person online",
        sites=1,
        venue_kinds="health",
        schedule=(Slot("mo tu we th fr", "09:00", "17:00", "By appointment"),),
        who_can_refer="GPs, schools, social workers, paediatricians and other professionals",
        commissioner="health-partnership",
        contact="CAMHS single point of access",
    ),
    Archetype(
        key="perinatal-mental-health",
        title="Perinatal mental health team",
        summary="Specialist care for women with moderate to severe mental health problems in "
        "pregnancy or during their baby's first year.",
        description=(
            "Our team of psychiatrists, nurses, psychologists and nursery nurses supports "
            "women whose mental health is affecting them in pregnancy or after birth, or "
            "who have a history of serious mental illness.",
            "We see you at home or in clinic, and work with your midwife and health visitor.",
        ),
        needs=("Parental mental health",),
        levels=(S,),
        providers=("mental-health",),
        expectant=True,
        parents=True,
        ages=(0, 1),
        delivery="home in_person",
        sites=1,
        venue_kinds="health",
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        who_can_refer="GPs, midwives, health visitors and mental health teams",
        commissioner="health-partnership",
        contact="Perinatal mental health team",
    ),
    Archetype(
        key="new-parents-wellbeing",
        title="Feeling Better after Baby group – {area}",
        summary="A gentle six-week group for new parents who are feeling low, anxious or "
        "overwhelmed. Babies come too.",
        description=(
            "Lots of new parents struggle and feel they should be coping better. This small "
            "group is a safe place to talk, learn ways to manage anxiety and low mood, and "
            "meet others who understand.",
            "Led by a psychological wellbeing practitioner and a family hub worker. Bring "
            "your baby; there are mats and toys.",
        ),
        needs=("Parental mental health",),
        levels=(UP,),
        providers=("homefriends", "council"),
        expectant=True,
        parents=True,
        ages=(0, 1),
        delivery="in_person group",
        sites=2,
        venue_kinds="hub",
        schedule=(Slot("@4", "10:00", "11:30", "Six-week group"),),
        who_can_refer="You, or your health visitor, midwife or GP",
        contact="Wellbeing group leader",
    ),
    Archetype(
        key="talking-therapies",
        title="Talking therapies for parents and carers",
        summary="Free NHS therapy for adults with anxiety, depression or stress, by phone, "
        "video or in person. Parents of young children are seen quickly.",
        description=(
            "Refer yourself online and a therapist will call you for an assessment. We "
            "offer guided self-help, cognitive behavioural therapy, counselling and groups.",
            "Parents who are pregnant or have a child under 2 are prioritised.",
        ),
        needs=("Parental mental health",),
        levels=(U,),
        providers=("mental-health",),
        expectant=True,
        parents=True,
        delivery="phone online",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "08:00", "20:00"),),
        referral_form=True,
        website=True,
        commissioner="health-partnership",
        languages=(
            ("bn", "Bengali-speaking therapist"),
            ("tr", "Turkish-speaking therapist"),
            ("sgn-gb", "BSL interpreter on request"),
        ),
        contact="Talking therapies",
    ),
    Archetype(
        key="autism-parents-group",
        title="Autism and ADHD parents' group – {area}",
        summary="A monthly coffee morning for parents and carers of autistic children or "
        "children with ADHD, with or without a diagnosis.",
        alt_summaries=(
            "Meet other parents of autistic children and children with ADHD at {venue}. "
            "Share tips, get support, and hear from guest speakers.",
        ),
        description=(
            "Our groups are run by parents who know how hard it can be to get support, and "
            "how much it helps to talk to someone who gets it.",
            "Every few months we invite a speaker, such as a SENDIASS adviser, an "
            "occupational therapist or a benefits expert.",
        ),
        needs=("Autism and ADHD",),
        levels=(UP,),
        providers=("spectrum",),
        circumstances=("Families with a disabled child",),
        parents=True,
        ages=(2, 18),
        delivery="in_person group",
        sites=3,
        venue_kinds="community",
        schedule=(Slot("@", "10:00", "12:00", "Second week of each month"),),
        term_time=True,
        contact="Spectrum Families",
    ),
    Archetype(
        key="neurodevelopmental-assessment",
        title="Neurodevelopmental assessment (autism and ADHD)",
        summary="Assessment by community paediatricians and specialists for children who may "
        "be autistic or have ADHD, by referral from a professional.",
        description=(
            "A team of paediatricians, psychologists and speech and language therapists "
            "assesses children whose development suggests they may be autistic or have "
            "ADHD.",
            "Waiting times are long. While you wait, your child can still get support at "
            "school and you can join parent groups and courses; you do not need a diagnosis.",
        ),
        needs=("Autism and ADHD",),
        levels=(S,),
        providers=("community-health",),
        ages=(2, 18),
        delivery="in_person",
        sites=1,
        venue_kinds="health",
        schedule=(Slot("mo tu we th fr", "09:00", "17:00", "By appointment"),),
        who_can_refer="GPs, health visitors, schools (SENCos) and speech and language therapists",
        commissioner="health-partnership",
        contact="Child development service",
    ),
    Archetype(
        key="fit-families",
        title="Fit Families healthy lifestyle programme – {area}",
        summary="A free 10-week programme for families with children aged 4 to 12: fun "
        "activity, healthy cooking on a budget, and small changes that last.",
        description=(
            "Each session has an hour of games and sport for the whole family and an hour "
            "on food: reading labels, cooking simple meals, and fussy eating.",
            "It is for any family who wants to be healthier. Children are never weighed in "
            "front of others.",
        ),
        needs=("Healthy weight and being active",),
        levels=(UP,),
        providers=("leisure",),
        parents=True,
        ages=(4, 12),
        delivery="in_person group",
        sites=3,
        venue_kinds="sport hub",
        schedule=(Slot("@2", "16:30", "18:30", "Ten-week programme"),),
        term_time=True,
        routes="self professional",
        who_can_refer="You, your GP, school nurse or school",
        commissioner="public-health",
        referral_form=True,
        contact="Fit Families coordinator",
    ),
    Archetype(
        key="park-play",
        title="Play in the park – {area}",
        summary="Free, open-access play sessions in the park with playworkers: den building, "
        "games, loose parts and mud. All abilities welcome.",
        description=(
            "Playworkers bring everything needed for children to play freely outdoors: "
            "tarpaulins, crates, balls, chalk and craft.",
            "Children under 8 must stay with an adult. Sessions go ahead in light rain.",
        ),
        needs=("Healthy weight and being active", "Youth clubs and activities"),
        levels=(U,),
        providers=("play",),
        ages=(2, 11),
        delivery="in_person group",
        sites=3,
        venue_kinds="sport",
        schedule=(Slot("sa", "11:00", "14:00"), Slot("@", "15:30", "17:30")),
        schedule_notes="Cancelled in heavy rain; check our social media.",
        contact="Playworkers",
    ),
    Archetype(
        key="sexual-health-clinic",
        title="Young people's sexual health clinic – {area}",
        summary="Walk-in sexual health clinic for under-25s: contraception, STI tests, "
        "emergency contraception, pregnancy tests and advice.",
        description=(
            "Our clinic is just for young people. You can walk in or book; you do not need "
            "to give your GP's details. Under-16s are seen confidentially.",
            "Staff can talk about relationships, consent and anything you are unsure about.",
        ),
        needs=("Sexual health and relationships",),
        levels=(U,),
        providers=("hospitals",),
        ages=(13, 24),
        delivery="in_person",
        sites=3,
        venue_kinds="health",
        schedule=(Slot("@1", "15:30", "19:00", "Walk in or book"),),
        commissioner="public-health",
        contact="Young people's clinic",
        text_line=True,
    ),
    Archetype(
        key="c-card",
        title="Free condoms for young people (C-Card)",
        summary="Young people aged 13 to 24 can get free condoms and advice from pharmacies, "
        "youth clubs and clinics across the borough, or order them online.",
        description=(
            "Register once at any C-Card outlet and you will get a card to collect free "
            "condoms whenever you need them. You can also order a discreet postal pack "
            "online.",
            "Outlets are listed on our website and include many pharmacies, youth clubs and "
            "the young people's sexual health clinics.",
        ),
        needs=("Sexual health and relationships",),
        levels=(U,),
        providers=("hospitals",),
        ages=(13, 24),
        delivery="online in_person",
        area_wide=True,
        commissioner="public-health",
        website=True,
        contact="C-Card team",
    ),
    Archetype(
        key="disabled-childrens-team",
        title="Children with disabilities social work team",
        summary="Social workers for disabled children with complex needs and their families: "
        "assessments, short breaks, direct payments and support through transitions.",
        description=(
            "The team works with children and young people up to 18 who have a severe or "
            "profound disability. A social worker assesses what your family needs and "
            "plans support with you.",
            "From age 14 we plan with you for the move to adult services.",
        ),
        needs=("Disabled children and young people",),
        levels=(S,),
        providers=("council",),
        circumstances=("Families with a disabled child",),
        parents=True,
        ages=(0, 18),
        delivery="home phone",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        contact="Children with disabilities team",
    ),
    Archetype(
        key="inclusive-playscheme",
        title="Inclusive holiday playscheme – {area}",
        summary="Holiday play for children aged 5 to 17, including those with disabilities and "
        "additional needs, with extra staff and a sensory room.",
        description=(
            "Our playschemes run in the Easter and summer holidays. Disabled and "
            "non-disabled children play together, with extra staff so everyone can join in.",
            "Tell us about your child's needs when you book so we can plan support.",
        ),
        needs=("Disabled children and young people", "Youth clubs and activities"),
        levels=(UP,),
        providers=("play",),
        circumstances=("Families with a disabled child",),
        ages=(5, 17),
        delivery="in_person group",
        sites=2,
        venue_kinds="youth community",
        schedule=(Slot("mo tu we th fr", "10:00", "15:30", "School holidays only"),),
        fees="£12 a day. Free places for families who get means-tested benefits or have a "
        "short breaks plan.",
        referral_form=True,
        contact="Playscheme bookings",
    ),
    Archetype(
        key="school-nursing",
        title="School nursing service and text line",
        summary="School nurses support children aged 5 to 19 with health worries, emotional "
        "wellbeing, growing up and long-term conditions. Young people can text a nurse.",
        description=(
            "Every state school has a named school nurse. They run drop-ins, check height "
            "and weight in Reception and Year 6, and help children with asthma, diabetes "
            "or epilepsy to manage at school.",
            "Young people aged 11 to 19 can text the confidential school nurse line for "
            "advice about anything from sleep to sex.",
        ),
        needs=(
            "Emotional wellbeing and mental health",
            "Healthy weight and being active",
            "Sexual health and relationships",
        ),
        levels=(U,),
        providers=("community-health",),
        ages=(5, 19),
        parents=True,
        delivery="phone in_person",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00", "Text line answered"),),
        commissioner="public-health",
        contact="School nursing team",
        text_line=True,
    ),
    Archetype(
        key="healthy-relationships",
        title="Healthy relationships group for young people – {area}",
        summary="A group for 13 to 19 year olds on respect, consent, controlling behaviour and "
        "staying safe online, run by youth workers.",
        description=(
            "Over six sessions, young people explore what healthy and unhealthy relationships "
            "look like, through discussion, drama and film.",
            "Youth workers can offer one-to-one support to anyone worried about their own "
            "relationship.",
        ),
        needs=("Sexual health and relationships", "Domestic abuse"),
        levels=(UP,),
        providers=("harbour-lights",),
        ages=(13, 19),
        delivery="in_person group",
        sites=2,
        venue_kinds="youth",
        schedule=(Slot("@3", "17:00", "18:30", "Six-week group"),),
        term_time=True,
        contact="Young people's team",
    ),
)

SAFETY: tuple[Archetype, ...] = (
    Archetype(
        key="domestic-abuse-helpline",
        title="Domestic abuse helpline and outreach",
        summary="Confidential support for anyone experiencing domestic abuse: safety planning, "
        "advice on housing and legal protection, and help for your children.",
        description=(
            "Call us to speak to a specialist worker. We will listen, help you make a safety "
            "plan, and explain your options. You do not have to leave to get help.",
            "Our outreach workers can meet you somewhere safe, support you with police, "
            "housing and court, and refer your children to our children's service.",
        ),
        needs=("Domestic abuse",),
        levels=(UP, T),
        providers=("harbour-lights",),
        parents=True,
        ages=(16, 25),
        delivery="phone in_person",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "19:00"), Slot("sa", "10:00", "14:00")),
        schedule_notes="In an emergency, always call 999.",
        routes="self professional",
        commissioner="council",
        freephone=True,
        languages=(
            ("ur", "Urdu-speaking worker"),
            ("so", "Somali-speaking worker"),
            ("pl", "Interpreter on request"),
            ("es", "Spanish-speaking worker"),
        ),
        contact="Domestic abuse helpline",
    ),
    Archetype(
        key="children-domestic-abuse-recovery",
        title="Children's domestic abuse recovery group",
        summary="A 10-week group for children aged 5 to 16 who have lived with domestic abuse, "
        "run alongside a group for their mums.",
        description=(
            "Children learn through play and talk that the abuse was not their fault, how "
            "to name and manage feelings, and how to keep safe.",
            "Mums meet at the same time to learn how to support their children's recovery. "
            "Groups start when the abuse has stopped.",
        ),
        needs=("Domestic abuse", "Emotional wellbeing and mental health"),
        levels=(T,),
        providers=("harbour-lights",),
        parents=True,
        ages=(5, 16),
        delivery="in_person group",
        sites=1,
        venue_kinds="hub",
        schedule=(Slot("tu", "16:00", "17:30", "Ten-week group"),),
        term_time=True,
        routes="self professional",
        commissioner="council",
        contact="Children and young people's service",
    ),
    Archetype(
        key="idva",
        title="Independent domestic violence advisers (IDVA)",
        summary="Specialist advocates for people at high risk of serious harm from domestic "
        "abuse, usually referred through MARAC, the police or children's social care.",
        description=(
            "An IDVA works with you from the point of crisis to make you and your children "
            "safe, including safety planning, protective orders, housing and criminal "
            "court support.",
            "Referrals are made after a risk assessment by police, social care, health or "
            "our helpline.",
        ),
        needs=("Domestic abuse",),
        levels=(S,),
        providers=("harbour-lights",),
        parents=True,
        ages=(16, 25),
        delivery="phone in_person home",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        who_can_refer="Police, children's social care, health professionals and MARAC",
        commissioner="council",
        contact="IDVA service",
    ),
    Archetype(
        key="domestic-abuse-drop-in",
        title="Domestic abuse drop-in – {area}",
        summary="A confidential weekly drop-in where you can talk to a domestic abuse worker "
        "face to face. Children can come with you.",
        alt_summaries=(
            "Talk privately to a specialist domestic abuse worker at {venue}, no appointment "
            "needed.",
        ),
        description=(
            "Sometimes it is easier to talk face to face, and a family hub or clinic is a "
            "safe reason to be out. Our worker is there every week.",
            "If you cannot talk now, pick up a card with the helpline number in the toilets.",
        ),
        needs=("Domestic abuse",),
        levels=(UP,),
        providers=("harbour-lights",),
        parents=True,
        delivery="in_person",
        sites=3,
        venue_kinds="advice hub health",
        schedule=(Slot("@2", "10:00", "13:00", "Drop in"),),
        commissioner="council",
        contact="Outreach worker",
    ),
    Archetype(
        key="exploitation-team",
        title="Exploitation and missing team",
        summary="Specialist support for young people at risk of criminal or sexual "
        "exploitation, county lines or going missing, and for their families.",
        description=(
            "Our workers build trusting relationships with young people, meeting them where "
            "they feel safe, and work with families, schools and police to disrupt "
            "exploitation.",
            "We carry out return home conversations when young people have been missing.",
        ),
        needs=("Exploitation (criminal and sexual)", "Youth crime prevention"),
        levels=(S,),
        providers=("council",),
        ages=(10, 25),
        delivery="in_person home phone",
        area_wide=True,
        who_can_refer="Referrals through the front door (MASH)",
        contact="Exploitation team",
    ),
    Archetype(
        key="youth-crime-prevention",
        title="Youth crime prevention programme",
        summary="Early support for 10 to 17 year olds who are starting to get into trouble or "
        "are at risk of being drawn into crime.",
        description=(
            "A youth worker works with the young person for around three months: mentoring, "
            "activities, help with school, and talking about choices and consequences.",
            "We also support parents and carers. Taking part is voluntary.",
        ),
        needs=("Youth crime prevention",),
        levels=(T,),
        providers=("safer-streets",),
        ages=(10, 17),
        parents=True,
        delivery="in_person home",
        area_wide=True,
        routes="professional early_help",
        who_can_refer="Schools, police, youth workers, social workers and early help",
        commissioner="council",
        referral_form=True,
        contact="Prevention team",
    ),
    Archetype(
        key="detached-youth-work-north",
        title="Detached youth work – north Lewisham",
        summary="Youth workers out on the streets, in parks and estates in Deptford, New Cross "
        "and Brockley, meeting young people where they hang out.",
        description=(
            "Our detached team talks to young people aged 11 to 19 in public spaces on "
            "weekday evenings, offering advice, information and a route into activities.",
            "Look out for the team in orange jackets.",
        ),
        needs=("Youth crime prevention", "Youth clubs and activities"),
        levels=(U,),
        providers=("safer-streets",),
        ages=(11, 19),
        delivery="in_person",
        schedule=(Slot("tu th fr", "18:00", "21:00", "On the streets"),),
        areas=(
            "Deptford ward",
            "Evelyn ward",
            "New Cross Gate ward",
            "Telegraph Hill ward",
            "Brockley ward",
        ),
        contact="Detached youth team (north)",
        text_line=True,
    ),
    Archetype(
        key="detached-youth-work-south",
        title="Detached youth work – south Lewisham",
        summary="Youth workers meeting young people in parks, estates and high streets in "
        "Bellingham, Downham, Catford and Sydenham.",
        description=(
            "The south team works on weekday evenings and some weekends, getting to know "
            "young people and linking them to clubs, training and support.",
            "Parents can contact us if they are worried about an area or a group of young people.",
        ),
        needs=("Youth crime prevention", "Youth clubs and activities"),
        levels=(U,),
        providers=("safer-streets",),
        ages=(11, 19),
        delivery="in_person",
        schedule=(Slot("mo we fr", "18:00", "21:00", "On the streets"),),
        areas=(
            "Bellingham ward",
            "Downham ward",
            "Whitefoot ward",
            "Catford South ward",
            "Sydenham ward",
        ),
        contact="Detached youth team (south)",
        text_line=True,
    ),
    Archetype(
        key="online-safety-workshop",
        title="Online safety workshop for parents – {area}",
        summary="A practical evening workshop on apps, games, parental controls, online "
        "bullying and grooming, for parents of children aged 5 to 16.",
        description=(
            "Find out which apps and games children are using, how to set up parental "
            "controls, and how to talk to your child about what they see online.",
            "Bring your phone: we will set up controls together.",
        ),
        needs=("Bullying and online safety",),
        levels=(U,),
        providers=("safer-streets",),
        parents=True,
        ages=(5, 16),
        delivery="in_person group",
        sites=3,
        venue_kinds="school",
        schedule=(Slot("@4", "18:00", "19:30", "Once a term"),),
        term_time=True,
        contact="Online safety team",
    ),
    Archetype(
        key="anti-bullying-mentors",
        title="Anti-bullying peer mentoring",
        summary="Trained older pupils support younger ones who are being bullied, in primary "
        "and secondary schools across the borough.",
        description=(
            "We train pupils to be peer mentors and run anti-bullying weeks in schools. "
            "Children being bullied can talk to a mentor or the schools worker.",
            "Parents worried about bullying can call us for advice on working with the school.",
        ),
        needs=("Bullying and online safety",),
        levels=(UP,),
        providers=("catford-yp",),
        ages=(8, 16),
        delivery="in_person phone",
        area_wide=True,
        routes="self professional",
        contact="Schools worker",
    ),
    Archetype(
        key="boxing-mentoring",
        title="Fight for Change boxing and mentoring",
        summary="Non-contact boxing training with mentoring for 11 to 18 year olds: fitness, "
        "discipline and a safe place to be after school.",
        description=(
            "Coaches, some of whom grew up locally, run training sessions followed by "
            "mentoring and group discussion about choices, conflict and goals.",
            "Young people referred by a professional get a named mentor.",
        ),
        needs=("Youth crime prevention", "Healthy weight and being active"),
        levels=(UP,),
        providers=("boxing",),
        ages=(11, 18),
        delivery="in_person group",
        sites=1,
        venues=("bellingham-youth",),
        schedule=(Slot("mo we", "17:00", "19:00"), Slot("sa", "11:00", "13:00")),
        fees="£2 a session, paid on the day. Free for young people referred by a professional.",
        routes="self professional",
        contact="Southside gym",
    ),
)

DRUGS_AND_ALCOHOL: tuple[Archetype, ...] = (
    Archetype(
        key="young-peoples-substance-service",
        title="Young people's drug and alcohol service",
        summary="Confidential advice and support for young people up to 25 who are worried "
        "about their own drug or alcohol use.",
        description=(
            "Our workers offer one-to-one sessions wherever suits you: at our base, at "
            "school or college, or somewhere in the community. We will not judge you or "
            "tell your parents without talking to you first.",
            "We also help with related things like sleep, mood, sexual health and staying safe.",
        ),
        needs=("Young people's drug and alcohol use",),
        levels=(T,),
        providers=("recovery",),
        ages=(11, 25),
        delivery="in_person phone",
        sites=1,
        venue_kinds="youth",
        schedule=(Slot("mo tu we th fr", "10:00", "18:00"),),
        routes="self professional",
        who_can_refer="Young people themselves, parents, schools, GPs, youth workers",
        commissioner="public-health",
        contact="Young people's team",
        text_line=True,
    ),
    Archetype(
        key="parents-recovery",
        title="Drug and alcohol recovery service for parents",
        summary="Support for parents and carers who want to change their drinking or drug use, "
        "with a focus on keeping family life safe and stable.",
        description=(
            "We offer assessment, prescribing, one-to-one keywork, groups and peer mentors. "
            "Parents with children at home are seen quickly.",
            "Asking for help does not mean your children will be taken away. We work with "
            "you and, where needed, with other services to support your family.",
        ),
        needs=("Parents' drug and alcohol use",),
        levels=(T,),
        providers=("recovery",),
        parents=True,
        delivery="in_person phone group",
        sites=1,
        venue_kinds="health",
        schedule=(
            Slot("mo tu we th fr", "09:00", "17:00"),
            Slot("th", "17:00", "20:00", "Late clinic"),
        ),
        routes="self professional",
        commissioner="public-health",
        contact="Recovery service",
    ),
    Archetype(
        key="hidden-harm",
        title="Hidden Harm group for children affected by a parent's drinking or drug use",
        summary="A group for 8 to 16 year olds living with a parent who drinks or uses drugs: "
        "understanding, coping and having fun.",
        description=(
            "Children in families affected by substance use often feel alone. In this "
            "eight-week group they meet others in the same situation, learn about addiction "
            "and find ways to cope.",
            "Parents do not need to be in treatment for their child to take part.",
        ),
        needs=("Parents' drug and alcohol use", "Emotional wellbeing and mental health"),
        levels=(UP,),
        providers=("recovery",),
        ages=(8, 16),
        delivery="in_person group",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("we", "16:30", "18:00", "Eight-week group"),),
        term_time=True,
        routes="self professional",
        contact="Hidden Harm worker",
    ),
    Archetype(
        key="family-members-group",
        title="Family members' support group (drugs and alcohol)",
        summary="A group for anyone affected by a loved one's drinking or drug use: partners, "
        "parents, grandparents and adult children.",
        description=(
            "Meet people who understand. The group is run by a family support worker and "
            "peer volunteers with their own experience.",
            "Your family member does not need to be getting help for you to come.",
        ),
        needs=("Parents' drug and alcohol use", "Young people's drug and alcohol use"),
        levels=(U,),
        providers=("recovery",),
        parents=True,
        delivery="in_person group",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("mo", "18:30", "20:00"),),
        contact="Family support worker",
    ),
)

MONEY_AND_HOUSING: tuple[Archetype, ...] = (
    Archetype(
        key="money-advice",
        title="Money and debt advice – {area}",
        summary="Free, confidential advice on debts, rent and council tax arrears, budgeting and "
        "benefits. Drop in or book an appointment.",
        alt_summaries=(
            "Struggling with bills or debt? Get free advice at {venue} from an experienced "
            "money adviser.",
            "Debt and budgeting advice for families in {area}, with help to deal with "
            "creditors and bailiffs.",
        ),
        description=(
            "Our advisers can look at your whole situation, help you prioritise debts, deal "
            "with creditors and bailiffs, and make sure you are getting all the benefits "
            "you are entitled to.",
            "Bring any letters and bills you have. If it is urgent, for example bailiffs or "
            "an eviction date, tell us when you arrive.",
        ),
        needs=("Money and debt advice", "Benefits and cost of living"),
        levels=(U,),
        providers=("money-advice",),
        parents=True,
        delivery="in_person phone",
        sites=3,
        venue_kinds="advice",
        schedule=(Slot("@", "10:00", "15:00", "Drop in until 2pm"),),
        commissioner="council",
        languages=(("bn", "Adviser speaks Bengali"), ("yo", "Adviser speaks Yoruba")),
        contact="Money advice line",
    ),
    Archetype(
        key="cost-of-living-helpline",
        title="Cost of living helpline",
        summary="One number for help with bills, food, energy costs, council tax and benefits. "
        "We will check what you could get and put you in touch with the right service.",
        description=(
            "Our advisers can check your benefits, help with council tax support and free "
            "school meals applications, and refer you to food banks, pantries and the "
            "Household Support Fund.",
            "If you are behind on rent or bills, call us early: there is more we can do.",
        ),
        needs=("Benefits and cost of living", "Food and essentials"),
        levels=(U,),
        providers=("council",),
        parents=True,
        delivery="phone online",
        area_wide=True,
        schedule=(Slot("mo tu we th fr", "09:00", "17:00"),),
        freephone=True,
        contact="Cost of living helpline",
    ),
    Archetype(
        key="household-support-fund",
        title="Household Support Fund",
        summary="One-off help with food, energy and essentials for households who are "
        "struggling. Apply online or through a support worker.",
        description=(
            "The fund gives vouchers or payments for food, energy and water bills, and "
            "essential items like beds or a cooker.",
            "Families with children, people on low incomes and people who cannot get other "
            "help are prioritised. Funding is limited.",
        ),
        needs=("Benefits and cost of living", "Food and essentials"),
        levels=(UP,),
        providers=("council",),
        parents=True,
        delivery="online",
        area_wide=True,
        routes="self professional",
        eligibility="Lewisham residents on a low income who are struggling with the cost of "
        "food, energy or essentials.",
        referral_form=True,
        website=True,
        contact="Household Support Fund team",
    ),
    Archetype(
        key="parents-into-work",
        title="Parents into work coaching – {area}",
        summary="One-to-one coaching for parents who want to get back into work or training, "
        "including help with childcare costs and flexible jobs.",
        description=(
            "A coach works with you at your own pace: building confidence, writing a CV, "
            "finding training and applying for jobs that fit around your children.",
            "We can help you work out whether you would be better off in work, and what "
            "help there is with childcare costs.",
        ),
        needs=("Employment and skills",),
        levels=(UP,),
        providers=("thrive",),
        circumstances=("Lone parents",),
        parents=True,
        delivery="in_person online",
        sites=2,
        venue_kinds="hub advice",
        schedule=(Slot("@1", "09:30", "14:30", "Appointments in school hours"),),
        contact="Parents into work coach",
    ),
    Archetype(
        key="housing-options",
        title="Housing options and homelessness prevention",
        summary="Help if you are homeless or at risk of losing your home, including advice on "
        "eviction, rent arrears and emergency accommodation.",
        description=(
            "Contact us as soon as you get a notice or are worried about losing your home. "
            "The earlier you come, the more we can do to help you stay where you are.",
            "If you are homeless tonight, call us; out of hours, the same number goes to the "
            "emergency team.",
        ),
        needs=("Housing and homelessness",),
        levels=(T,),
        providers=("council",),
        circumstances=("Families in temporary accommodation",),
        parents=True,
        ages=(16, 25),
        delivery="in_person phone",
        sites=1,
        venues=("catford-annexe",),
        schedule=(Slot("mo tu we th fr", "09:00", "17:00", "Appointments and emergencies"),),
        routes="self professional",
        referral_form=True,
        contact="Housing options",
    ),
    Archetype(
        key="young-peoples-housing",
        title="Young people's supported housing pathway",
        summary="Supported accommodation for young people aged 16 to 25 who cannot live at "
        "home, including care leavers, with a key worker to build independent living skills.",
        description=(
            "Young people live in shared or self-contained flats with staff support, "
            "learning to budget, cook, manage a tenancy and move on to a home of their own.",
            "Places are allocated by a panel. Addresses are not published.",
        ),
        needs=("Housing and homelessness",),
        levels=(S,),
        providers=("council",),
        circumstances=("Care leavers",),
        ages=(16, 25),
        delivery="in_person",
        area_wide=True,
        who_can_refer="Housing options, children's social care and leaving care teams",
        contact="Young people's housing panel",
    ),
    Archetype(
        key="food-bank",
        title="Food bank – {area}",
        summary="Three days of emergency food for families in crisis, with a friendly welcome "
        "and advice on what else could help.",
        alt_summaries=(
            "Emergency food parcels at {venue}. Bring a food bank voucher, or come in and "
            "we will help you get one.",
            "A volunteer-run food bank in {area} giving out emergency food, toiletries and "
            "baby supplies.",
        ),
        description=(
            "Our volunteers give out nutritionally balanced emergency food parcels and "
            "toiletries. We can cater for most dietary and religious needs; just tell us.",
            "An adviser is at most sessions to help with the reason you need the food bank, "
            "such as a benefit delay or debt.",
        ),
        needs=("Food and essentials",),
        levels=(UP,),
        providers=("food-network",),
        parents=True,
        ages=(0, 18),
        delivery="in_person",
        sites=4,
        venue_kinds="community",
        schedule=(Slot("@3", "12:00", "14:30"),),
        routes="professional self",
        who_can_refer="GPs, schools, family hubs, advice centres and support workers issue "
        "vouchers",
        access="Bring a food bank voucher from a professional. If you do not have one, come "
        "anyway and we will help.",
        contact="Food bank volunteers",
    ),
    Archetype(
        key="community-pantry",
        title="Community pantry – {area}",
        summary="Join the pantry for a low weekly fee and choose around £20 of fresh and "
        "cupboard food each week. No referral needed.",
        alt_summaries=(
            "A members' food club at {venue}: pay a few pounds, choose your own shopping, "
            "and make your money go further.",
        ),
        description=(
            "Pantries help families whose money does not stretch far enough, before things "
            "become a crisis. Members pick their own food, including fruit, vegetables, "
            "chilled food and nappies.",
            "Many members also volunteer. You can join on the day.",
        ),
        needs=("Food and essentials", "Benefits and cost of living"),
        levels=(U,),
        providers=("pantry", "downham", "pepys"),
        parents=True,
        delivery="in_person",
        sites=3,
        venue_kinds="community",
        schedule=(Slot("@4", "14:00", "17:00"),),
        fees="£4 a week membership.",
        contact="Pantry coordinator",
    ),
    Archetype(
        key="holiday-activities-food",
        title="Holiday activities and food – {area}",
        summary="Free holiday clubs with a healthy meal for children who get benefits-related "
        "free school meals: sport, arts, trips and cooking.",
        alt_summaries=(
            "Fun-packed holiday days at {venue} for 5 to 16 year olds, with lunch included. "
            "Free for children on free school meals.",
        ),
        description=(
            "Holiday activities and food runs in the Easter, summer and Christmas holidays. "
            "Every day includes a hot meal, physical activity and something new to try.",
            "Places are free for children who get benefits-related free school meals. Other "
            "children may be able to pay for a place.",
        ),
        needs=("Food and essentials", "Youth clubs and activities"),
        levels=(UP,),
        providers=("catford-yp", "sydenham-youth", "bellingham-trust"),
        ages=(5, 16),
        delivery="in_person group",
        sites=4,
        venue_kinds="youth school sport",
        schedule=(Slot("mo tu we th", "10:00", "14:00", "School holidays only"),),
        eligibility="Children who get benefits-related free school meals.",
        commissioner="council",
        referral_form=True,
        contact="Holiday club bookings",
    ),
    Archetype(
        key="uniform-exchange",
        title="School uniform exchange – {area}",
        summary="Free second-hand school uniform, PE kit and shoes. Take what you need, donate "
        "what you have outgrown.",
        description=(
            "We stock uniform for most local primary and secondary schools, all washed and "
            "sorted by size.",
            "You do not need to bring anything to swap. Busiest in late August, so come early.",
        ),
        needs=("Food and essentials", "Benefits and cost of living"),
        levels=(U,),
        providers=("st-aidans", "family-action"),
        parents=True,
        ages=(4, 16),
        delivery="in_person",
        sites=2,
        venue_kinds="community",
        schedule=(Slot("sa", "10:00", "12:00", "First Saturday of the month"),),
        contact="Uniform exchange volunteers",
    ),
    Archetype(
        key="energy-advice",
        title="Warm home and energy advice",
        summary="Help with energy bills, prepayment meters, energy debt and grants for "
        "insulation and heating, by phone or at the advice centre.",
        description=(
            "Our energy advisers can check you are on the best tariff, help you get onto "
            "the Warm Home Discount and priority services register, and deal with energy "
            "debts.",
            "We also arrange small emergency top-ups for families with prepayment meters.",
        ),
        needs=("Benefits and cost of living", "Money and debt advice"),
        levels=(U,),
        providers=("lee-advice",),
        parents=True,
        delivery="phone in_person",
        sites=1,
        venues=("lee-green-advice",),
        schedule=(Slot("tu th", "10:00", "16:00"),),
        contact="Energy advice team",
    ),
    Archetype(
        key="welfare-rights",
        title="Benefits check and welfare rights appointments – {area}",
        summary="A full benefits check, help with forms and support to challenge benefit "
        "decisions, including PIP and Universal Credit.",
        description=(
            "Many families miss out on benefits they are entitled to. An adviser will check "
            "everything you could claim and help you apply.",
            "We also help with mandatory reconsiderations and tribunal appeals.",
        ),
        needs=("Benefits and cost of living",),
        levels=(U,),
        providers=("lee-advice",),
        parents=True,
        delivery="in_person phone",
        sites=2,
        venue_kinds="advice",
        schedule=(Slot("@2", "09:30", "13:00", "By appointment"),),
        contact="Welfare rights team",
    ),
)

FAMILY_CIRCUMSTANCES: tuple[Archetype, ...] = (
    Archetype(
        key="young-carers-service",
        title="Young carers' service",
        summary="Support for young carers aged 8 to 18: a young carers' assessment, clubs, "
        "trips, school support and someone to talk to.",
        description=(
            "If you help look after someone in your family who is ill, disabled, or has a "
            "mental health or drug or alcohol problem, you might be a young carer.",
            "We will talk with you and your family about what would help, work with your "
            "school, and invite you to clubs and trips where you can have a break.",
        ),
        needs=("Young carers",),
        levels=(UP,),
        providers=("young-carers",),
        circumstances=("Young carers",),
        ages=(8, 18),
        delivery="in_person phone group",
        sites=1,
        venue_kinds="advice community",
        schedule=(Slot("mo tu we th fr", "09:30", "17:30"),),
        routes="self professional",
        commissioner="council",
        referral_form=True,
        contact="Young carers' team",
    ),
    Archetype(
        key="young-carers-club",
        title="Young carers' club – {area}",
        summary="A fortnightly evening club where young carers can relax, have fun and meet "
        "others who understand.",
        description=(
            "Games, cooking, art and sport, plus time to chat with youth workers. Transport "
            "home can be arranged.",
            "Young carers need to be registered with Open Door Young Carers first; it only "
            "takes a phone call.",
        ),
        needs=("Young carers", "Youth clubs and activities"),
        levels=(UP,),
        providers=("young-carers",),
        circumstances=("Young carers",),
        ages=(8, 17),
        delivery="in_person group",
        sites=2,
        venue_kinds="youth",
        schedule=(Slot("@4", "17:30", "19:30", "Every other week"),),
        term_time=True,
        contact="Young carers' club",
    ),
    Archetype(
        key="young-adult-carers",
        title="Young adult carers' group",
        summary="Support for carers aged 18 to 25 balancing caring with college, work and "
        "their own life.",
        description=(
            "A monthly group and one-to-one support with things like a carer's assessment, "
            "Carer's Allowance, student finance and planning for your future.",
        ),
        needs=("Young carers", "Education, employment and training after 16"),
        levels=(UP,),
        providers=("young-carers",),
        circumstances=("Young carers",),
        ages=(18, 25),
        delivery="in_person group online",
        sites=1,
        venue_kinds="advice community",
        schedule=(Slot("th", "18:00", "20:00", "Last Thursday of the month"),),
        contact="Young adult carers' worker",
    ),
    Archetype(
        key="child-bereavement",
        title="Child bereavement support",
        summary="Support for children and young people aged 3 to 18 when someone important has "
        "died, and advice for the adults caring for them.",
        description=(
            "Our trained practitioners offer one-to-one sessions, family days and groups "
            "where children can remember the person who died and learn that their feelings "
            "are normal.",
            "Parents and carers can call our advice line for help with what to say and how "
            "to support a grieving child, including before an expected death.",
        ),
        needs=("Bereavement",),
        levels=(UP,),
        providers=("bereavement",),
        parents=True,
        ages=(3, 18),
        delivery="in_person phone group",
        sites=1,
        venue_kinds="health community",
        schedule=(Slot("mo tu we th", "09:30", "16:30", "Advice line"),),
        routes="self professional",
        who_can_refer="Parents and carers, schools, GPs, hospitals",
        contact="Bereavement advice line",
    ),
    Archetype(
        key="baby-loss",
        title="Baby loss support group",
        summary="A monthly group for parents who have lost a baby during pregnancy, at birth or "
        "in infancy, however long ago.",
        description=(
            "Run by parents who have lost babies themselves, with a bereavement counsellor. "
            "Partners, grandparents and parents pregnant again are welcome.",
        ),
        needs=("Bereavement", "Parental mental health"),
        levels=(U,),
        providers=("bereavement",),
        expectant=True,
        parents=True,
        delivery="in_person group",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("tu", "19:00", "21:00", "Third Tuesday of the month"),),
        contact="Baby loss group",
    ),
    Archetype(
        key="refugee-advice",
        title="Refugee and asylum-seeking families' advice – {area}",
        summary="Advice on asylum support, housing, school places, health care and benefits "
        "for refugee and asylum-seeking families, with interpreters.",
        description=(
            "Our caseworkers help families understand their rights, register with a GP, get "
            "school places, and deal with the Home Office and asylum support.",
            "We also run a welcome lunch and can lend bikes, buggies and phones.",
        ),
        needs=("Refugee and asylum-seeking families", "Housing and homelessness"),
        levels=(U,),
        providers=("refugee-welcome",),
        circumstances=("Refugee and asylum-seeking families",),
        parents=True,
        ages=(0, 18),
        delivery="in_person phone",
        sites=2,
        venue_kinds="community advice",
        schedule=(Slot("@", "10:00", "15:00", "Drop in, lunch at 1pm"),),
        languages=(
            ("ar", "Arabic-speaking caseworker"),
            ("fa", "Farsi-speaking volunteer"),
            ("ps", "Pashto-speaking volunteer"),
            ("ti", "Tigrinya-speaking volunteer"),
            ("uk", "Ukrainian-speaking volunteer"),
        ),
        contact="Refugee advice caseworkers",
    ),
    Archetype(
        key="welcome-youth",
        title="Welcome Youth club for young refugees",
        summary="A weekly club for young refugees and asylum seekers aged 14 to 21: football, "
        "English practice, trips and help with college.",
        description=(
            "Many members arrived in the UK on their own. The club is a place to make "
            "friends, practise English and get advice from youth workers.",
        ),
        needs=("Refugee and asylum-seeking families", "Youth clubs and activities"),
        levels=(U,),
        providers=("refugee-welcome",),
        circumstances=("Refugee and asylum-seeking families",),
        ages=(14, 21),
        delivery="in_person group",
        sites=1,
        venue_kinds="youth",
        schedule=(Slot("fr", "16:00", "19:00"),),
        languages=(("ar", "Youth worker speaks Arabic"), ("ku", "Volunteer speaks Kurdish")),
        contact="Welcome Youth",
    ),
    Archetype(
        key="youth-club",
        title="Youth club – {area}",
        summary="Open-access youth club with games, sport, music, cooking and trips, and youth "
        "workers to talk to. Juniors 8 to 12, seniors 13 to 19.",
        alt_summaries=(
            "Somewhere to go after school: pool, table tennis, studio time and cooking at "
            "{venue}, with trained youth workers.",
            "Free youth club in {area} for 8 to 19 year olds, with separate junior and senior "
            "nights.",
        ),
        description=(
            "The club is a safe, fun place to hang out with friends, try new things and get "
            "advice if you need it. Activities are planned with members.",
            "Juniors (8 to 12) and seniors (13 to 19) have their own evenings. Members fill "
            "in a short form with a parent's contact details at their first visit.",
        ),
        needs=("Youth clubs and activities",),
        levels=(U,),
        providers=("sydenham-youth", "catford-yp", "pepys", "downham", "bellingham-trust"),
        ages=(8, 19),
        delivery="in_person group",
        sites=7,
        venue_kinds="youth",
        schedule=(
            Slot("@", "17:00", "19:00", "Juniors (8 to 12)"),
            Slot("@2", "18:30", "21:30", "Seniors (13 to 19)"),
        ),
        contact="Youth club",
    ),
    Archetype(
        key="send-youth-club",
        title="Friday Friends youth club for young people with SEND",
        summary="A youth club for young people aged 11 to 25 with learning disabilities or "
        "autism: disco, cooking, art and making friends.",
        description=(
            "Friday Friends has extra staff and a quiet room. Members choose activities "
            "together, from karaoke and cooking to trips to the cinema.",
            "Personal care is not provided; members who need it come with a carer, who gets "
            "in free.",
        ),
        needs=("Youth clubs and activities", "Disabled children and young people"),
        levels=(UP,),
        providers=("sydenham-youth",),
        circumstances=("Families with a disabled child",),
        ages=(11, 25),
        delivery="in_person group",
        sites=1,
        venue_kinds="youth",
        schedule=(Slot("fr", "18:00", "20:30"),),
        fees="£3 a session, including a snack.",
        contact="Friday Friends",
    ),
    Archetype(
        key="young-leaders",
        title="Young leaders volunteering programme",
        summary="Volunteer, lead projects and earn accredited awards. For 14 to 19 year olds "
        "who want to build skills and give something back.",
        description=(
            "Young leaders help run junior clubs and holiday schemes, plan community "
            "projects, and can work towards accredited leadership awards.",
            "It looks great on college and job applications.",
        ),
        needs=("Youth clubs and activities", "Education, employment and training after 16"),
        levels=(U,),
        providers=("catford-yp",),
        ages=(14, 19),
        delivery="in_person group",
        sites=1,
        venue_kinds="youth community",
        schedule=(Slot("we", "17:30", "19:30"),),
        contact="Young leaders coordinator",
    ),
    Archetype(
        key="care-leavers-hub",
        title="Care leavers' hub",
        summary="A drop-in for care leavers aged 16 to 25: personal advisers, help with "
        "housing, money, education and health, and a hot meal.",
        description=(
            "The hub is a welcoming base where care leavers can see their personal adviser, "
            "do laundry, use computers and get advice from housing, benefits and careers "
            "workers.",
            "The council's local offer for care leavers sets out everything you are "
            "entitled to; ask us about it.",
        ),
        needs=(
            "Housing and homelessness",
            "Education, employment and training after 16",
            "Emotional wellbeing and mental health",
        ),
        levels=(T,),
        providers=("council",),
        circumstances=("Care leavers",),
        ages=(16, 25),
        delivery="in_person phone",
        sites=1,
        venue_kinds="advice community",
        schedule=(Slot("tu th", "11:00", "16:00", "Drop in, lunch at 1pm"),),
        routes="self professional",
        who_can_refer="Care leavers can drop in; personal advisers can book appointments",
        contact="Leaving care team",
    ),
    Archetype(
        key="prison-families",
        title="Support for families with someone in prison",
        summary="Help for children and families when a parent or family member is in prison: "
        "what to tell children, visits, money and feelings.",
        description=(
            "A family worker can explain how prison visits and contact work, help you talk "
            "to your children, and support you with money and housing changes.",
            "We also run a monthly group where families can meet in confidence.",
        ),
        needs=("Emotional wellbeing and mental health", "Parenting programmes"),
        levels=(UP,),
        providers=("family-action",),
        circumstances=("Children with a parent in prison",),
        parents=True,
        ages=(0, 18),
        delivery="phone in_person",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("mo we", "10:00", "16:00"),),
        contact="Families and prisons worker",
    ),
    Archetype(
        key="armed-forces-families",
        title="Armed forces families' drop-in",
        summary="Advice and a friendly chat for serving and veteran armed forces families, "
        "including on school places, housing and deployment.",
        description=(
            "A monthly drop-in with an adviser who understands forces life, and links to the "
            "armed forces covenant support the council offers.",
        ),
        needs=("Benefits and cost of living", "Housing and homelessness"),
        levels=(U,),
        providers=("lee-advice",),
        circumstances=("Armed forces families",),
        parents=True,
        delivery="in_person",
        sites=1,
        venue_kinds="advice",
        schedule=(Slot("we", "10:00", "12:00", "First Wednesday of the month"),),
        contact="Armed forces adviser",
    ),
    Archetype(
        key="temporary-accommodation",
        title="Support for families in temporary accommodation",
        summary="Family support workers who visit families living in hostels and temporary "
        "accommodation to help with school, health, money and moving on.",
        description=(
            "Living in temporary accommodation is hard on children. Our workers make sure "
            "children are registered with schools, GPs and health visitors, help with "
            "travel costs and essentials, and support you with bidding for a home.",
        ),
        needs=("Housing and homelessness", "Food and essentials"),
        levels=(UP,),
        providers=("family-action",),
        circumstances=("Families in temporary accommodation",),
        parents=True,
        ages=(0, 18),
        delivery="home phone",
        area_wide=True,
        routes="self professional",
        commissioner="council",
        contact="Temporary accommodation family worker",
    ),
    Archetype(
        key="lone-parents",
        title="Lone parents' network",
        summary="Meet-ups, online chat and advice for single parents: money, work, "
        "childcare, and time for yourself.",
        description=(
            "Monthly Saturday meet-ups with activities for the children, and a private "
            "online group for support in between.",
            "We also run short courses on money and confidence, with free childcare.",
        ),
        needs=("Benefits and cost of living", "Parental mental health"),
        levels=(U,),
        providers=("family-action",),
        circumstances=("Lone parents",),
        parents=True,
        ages=(0, 16),
        delivery="in_person online group",
        sites=1,
        venue_kinds="community",
        schedule=(Slot("sa", "11:00", "14:00", "Second Saturday of the month"),),
        contact="Lone parents' network",
    ),
)

ARCHETYPES: tuple[Archetype, ...] = (
    *EARLY_YEARS,
    *PARENTING,
    *EDUCATION,
    *HEALTH,
    *SAFETY,
    *DRUGS_AND_ALCOHOL,
    *MONEY_AND_HOUSING,
    *FAMILY_CIRCUMSTANCES,
)
