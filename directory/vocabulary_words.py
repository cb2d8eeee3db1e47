"""Default "words families use" for each default need and circumstance.

Search reads these to tell which need a family's own words name ("my toddler isn't talking
yet" names speech, language and communication). They are a starting point, seeded by a data
migration and by ``seed_vocabularies``; commissioners edit each term's list in the admin.

How a phrase is matched (``search.lexicon``): case and word endings do not matter ("bullied",
"bullying"), "isn't"/"doesn't"/"won't" read as "not", little words such as "a", "the", "with",
"my" are skipped, and one extra word may sit between two words of a phrase ("not really
talking"). ``{someone}`` stands for any family member: "lost {someone}" matches "lost my nan";
``{parent}`` (mum, dad, partner…), ``{child}`` (son, daughter, toddler…) and ``{sibling}`` are
narrower. A family member or age word on its own ("dad", "toddler", "teenager") names a need
only when nothing else in the words does, so "my dad died" is about bereavement, not dads'
groups.

Written from how parents, young people and practitioners phrase things: plain words, first-
person worries, practitioners' shorthand, abbreviations, slang and common misspellings.
"""

from __future__ import annotations


def _phrases(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


NEED_WORDS: dict[str, list[str]] = {
    "Pregnancy and birth": _phrases("""
        pregnant and
        when pregnant
        while pregnant
        im pregnant
        i am pregnant
        think i am pregnant
        expecting twins
        baby is due
        due in
        first scan
        antenatal appointments
        antenatal care
        birth preparation
        preparing for birth
        preparing for baby
        getting ready for baby
        bump to baby
        baby due soon
        free classes for parents to be
        parents to be
        parent education
        antenatal education
        pregnant
        pregnancy
        preganant
        pregant
        expecting a baby
        expecting my first baby
        having a baby
        baby on the way
        baby due
        due date
        antenatal
        ante natal
        antenatal class
        prenatal
        midwife
        midwives
        maternity
        giving birth
        birth
        labour
        birth plan
        bump
        mum to be
        mums to be
        dad to be
        morning sickness
        hypnobirthing
        doula
        just found out i am pregnant
        first baby
        caesarean
        c section
        pregnent
        pregnat
        pregnet
        pregancy
        pregnacy
        pragnant
        think i'm pregnant
        think im pregnant
        i might be pregnant
        just found out im pregnant
        positive pregnancy test
        positive test
        weeks pregnant
        months pregnant
        pregnant again
        pregnant with twins
        expecting
        expectant mum
        expectant mother
        expectant parents
        {parent} is pregnant
        {parent} pregnant
        unborn baby
        first trimester
        second trimester
        third trimester
        booking appointment
        booking in appointment
        12 week scan
        20 week scan
        dating scan
        anomaly scan
        not seen a midwife
        no midwife
        self refer to midwife
        self referral maternity
        midwife appointment
        community midwife
        midwife led unit
        birth centre
        labour ward
        maternity unit
        maternity services
        antinatal
        anti natal
        pre natal
        mid wife
        labor
        csection
        cesarean
        caesarian
        ceasarean
        being induced
        induction of labour
        home birth
        water birth
        VBAC
        birth options
        scared of giving birth
        fear of birth
        tokophobia
        pregnancy sickness
        sick every day pregnant
        hyperemesis
        hyperemesis gravidarum
        smoking in pregnancy
        stop smoking pregnant
        healthy pregnancy
        pregnancy yoga
        aquanatal
        NCT
        NCT classes
        parentcraft
        parent craft
        parentcraft classes
        antenatal group
        bumps and babies
        bump group
        mellow bumps
        Start for Life
        best start for life
        becoming a parent
        becoming a mum
        new baby on the way
        having another baby
        pre birth assessment
        birth partner
        13 and pregnant
        14 and pregnant
        15 and pregnant
        16 and pregnant
        17 and pregnant
        pregnant at 13
        pregnant at 14
        pregnant teen
        pregnant at school
        pregnant in school
        pregnant at college
        under 18 and pregnant
        pregnant under 18
        """),
    "Infant feeding": _phrases("""
        BF
        BF peer supporter
        breastfeeding peer supporter
        peer supporter
        formula
        how much milk
        feeds
        feeding
        bottles
        ounces
        baby milk
        breast milk
        milk
        sterilising bottles
        cluster feeding
        combination feeding
        feeding clinic
        breastfeeding
        breast feeding
        breastfeed
        breast feed
        brestfeeding
        breast feeding support
        latch
        latching
        bottle feeding
        bottle feed
        formula feeding
        formula milk
        expressing milk
        breast pump
        baby feeding
        feeding my baby
        feeding baby
        feeding support
        baby not feeding
        baby will not feed
        baby feeding problems
        tongue tie
        weaning
        introducing solids
        starting solids
        baby food
        mastitis
        sore nipples
        milk supply
        not enough milk
        reflux
        infant feeding
        BF help
        BF cafe
        BFing
        breastfeeding cafe
        breastfeeding group
        feeding group
        feeding cafe
        breastfeeding counsellor
        lactation consultant
        lactation
        IBCLC
        infant feeding team
        infant feeding specialist
        national breastfeeding helpline
        la leche league
        breastfeeding network
        breastfed
        breastfeading
        breastfeding
        breatfeeding
        bottlefeeding
        bottle fed
        formular
        baby not latching
        will not latch
        poor latch
        painful feeding
        feeding hurts
        breastfeeding hurts
        cracked nipples
        bleeding nipples
        nipple pain
        nipple thrush
        engorged
        blocked duct
        low milk supply
        low supply
        oversupply
        milk not come in
        baby not gaining weight
        not gaining weight
        baby not putting on weight
        baby losing weight
        poor weight gain
        slow weight gain
        baby hungry
        feeding every hour
        constantly feeding
        night feeds
        how often to feed
        how much formula
        which formula
        changing formula
        switching formula
        making up bottles
        making up formula
        sterilizing bottles
        paced feeding
        responsive feeding
        mixed feeding
        combi feeding
        refusing bottle
        will not take bottle
        bottle refusal
        refusing feeds
        baby refusing milk
        baby not eating
        baby refusing food
        baby sick after feeds
        posseting
        silent reflux
        CMPA
        cows milk allergy
        milk allergy
        pumping
        exclusively pumping
        pump hire
        donor milk
        stop breastfeeding
        dropping feeds
        feeding in public
        tounge tie
        tongue tied
        lip tie
        baby led weaning
        BLW
        weening
        puree
        finger foods
        first foods
        introducing food
        spoon feeding
        weaning class
        nipple shield
        nipples cracked
        nipples sore
        nipples bleeding
        """),
    "Healthy Start food and vitamins": _phrases("""
        fruit and veg
        free fruit
        free fruit and veg
        free food when pregnant
        vouchers when pregnant
        help with food when pregnant
        vitamin D
        folic acid
        healthy start scheme
        healthy start
        healthy start card
        healthy start vouchers
        vitamins
        vitamin drops
        free vitamins
        baby vitamins
        free milk
        milk tokens
        fruit and veg vouchers
        help buying formula
        help buying milk
        pay for formula
        healthystart
        apply for healthy start
        card for milk and fruit
        card for fruit and veg
        prepaid card for milk
        money for milk
        milk vouchers
        formula vouchers
        free formula
        free baby milk
        can not afford formula
        can not afford baby milk
        formula too expensive
        price of formula
        cost of formula
        help with formula
        help with baby milk
        pregnant on benefits
        pregnant on universal credit
        free pregnancy vitamins
        pregnancy vitamins
        vitamins for pregnant
        vitamin D drops
        free vitamin D
        vitamins for children
        vitamins for under 4s
        vitamins for breastfed baby
        folic acid tablets
        healthy start vitamins
        welfare food scheme
        best start foods
        afford fruit and veg
        """),
    "Early years development": _phrases("""
        things to do with {child}
        activities for {child}
        play with {child}
        ASQ
        ages and stages
        2 to 2 and a half year check
        health visitor
        health visiting
        baby clinic
        baby weigh
        weigh my baby
        baby check
        development worries
        development concerns
        behind other children
        not reaching milestones
        not sitting up
        not rolling
        not crawling yet
        not walking yet
        toy library
        baby sensory
        soft play
        music for babies
        songs and rhymes
        baby sleep
        {child} will not sleep
        sleep for {child}
        baby crying
        baby will not stop crying
        crying baby
        teething
        early learning at home
        home learning
        stay and play
        stay n play
        play and stay
        playgroup
        play group
        toddler group
        toddler groups
        baby group
        baby groups
        baby and toddler group
        mum and baby group
        mother and baby group
        parent and toddler
        messy play
        sensory play
        baby massage
        baby yoga
        rhyme time
        rhymetime
        baby class
        baby classes
        toddler class
        things to do with my toddler
        things to do with baby
        activities for toddler
        activities for baby
        under 5s
        under fives
        under 5
        two year check
        2 year check
        development check
        developmental delay
        milestones
        not crawling
        not walking
        late walker
        child development
        baby development
        toddler development
        early years
        childrens centre
        children centre
        family hub
        family hubs
        learning through play
        play ideas
        ready for school
        school readiness
        starting school
        potty training
        toilet training
        colic
        Start for Life
        best start for life
        sure start
        surestart
        sure start centre
        bumps and babies
        new baby
        HV
        HV visit
        health visitor visit
        new birth visit
        6 week check
        8 week check
        9 month check
        one year check
        1 year check
        12 month review
        red book
        weigh in
        weighing clinic
        child health clinic
        drop in clinic
        healthy child programme
        0 19 service
        0 19 team
        delayed development
        slow development
        slow to develop
        not meeting milestones
        missed milestones
        behind for age
        behind peers
        still not walking
        late to walk
        bum shuffling
        bum shuffler
        not standing
        not pulling to stand
        not sitting
        not rolling over
        tummy time
        head control
        fine motor
        gross motor
        motor skills
        not sleeping through
        wakes every hour
        wakes in night
        night waking
        sleep regression
        will not nap
        sleep training
        self settle
        co sleeping
        safe sleep
        toddler sleep
        baby screaming
        newborn crying
        baby will not settle
        unsettled baby
        fussy baby
        windy baby
        inconsolable baby
        not potty trained
        not toilet trained
        still in nappies
        potty
        starting reception
        EYFS
        early years foundation stage
        PEEP
        bookstart
        imagination library
        meet other mums
        meet other parents
        mum friends
        mums and tots
        parent and baby
        parent and child group
        mother and toddler
        tots group
        under 2s
        under 3s
        under ones
        little ones
        story time
        storytime
        bounce and rhyme
        wriggle and rhyme
        sing and sign
        baby signing
        baby swimming
        water babies
        sensory class
        baby and me
        baby will not stop screaming
        newborn will not stop crying
        baby does not sleep
        baby not sleeping
        toddler not sleeping
        newborn not sleeping
        toddler does not sleep
        """),
    "Speech, language and communication": _phrases("""
        understand instructions
        understand simple instructions
        does not understand
        understanding words
        only says
        says few words
        does not say
        not saying much
        not talking much
        not many words yet
        words for her age
        words for his age
        talks in single words
        single words
        not putting words together
        not joining words
        speech sounds
        hard to understand his speech
        hard to understand her speech
        unclear speech
        language therapy
        talking and play
        speech clinic
        speech and language therapist
        bilingual child
        two languages
        speech
        speach
        speech delay
        speech delayed
        speech and language
        speech therapy
        speech therapist
        speech and language therapy
        SALT
        SLT
        language delay
        delayed speech
        late talker
        late talking
        talking late
        not talking
        not talking yet
        not speaking
        not saying words
        not saying any words
        no words
        few words
        only says few words
        not many words
        not babbling
        first words
        hard to understand
        cannot understand what he says
        cannot understand what she says
        stammer
        stammering
        stutter
        stuttering
        lisp
        communication difficulties
        communication problems
        communication needs
        language development
        talk with my baby
        selective mutism
        nonverbal
        non verbal
        chatterbox
        SLCN
        only says mama
        only says mum and dad
        says mama dada
        just babbles
        only babbles
        not saying mama
        no speech
        limited speech
        little speech
        hardly talks
        hardly speaks
        barely talks
        does not talk
        does not speak
        slow to talk
        late to talk
        behind with talking
        behind with speech
        speech is behind
        delayed talking
        talking delay
        speach delay
        speach therapy
        speech therapist waiting list
        waiting for speech therapy
        SALT referral
        points instead of talking
        points and grunts
        grunts
        gestures instead of words
        makaton
        PECS
        AAC
        communication aid
        pronunciation
        mispronounces
        can not say sounds
        can not say his s
        speech sound disorder
        articulation
        nobody understands him
        nobody understands her
        no one understands him
        no one understands her
        strangers can not understand
        only i understand him
        mumbles
        glue ear
        echolalia
        repeats words
        repeating phrases
        DLD
        developmental language disorder
        language disorder
        receptive language
        expressive language
        understanding language
        verbal dyspraxia
        apraxia
        dysfluency
        fluency
        stamering
        studder
        speech and langauge
        speech n language
        WellComm
        talk boost
        NELI
        Hanen
        Elklan
        will not speak at school
        does not speak at school
        only talks at home
        silent at school
        mute at school
        cleft palate
        cleft lip
        social communication
        """),
    "Childcare and early education": _phrases("""
        nursery places
        nursery place for {child}
        childminders
        childcare for {child}
        childcare help
        childcare support
        can i get free childcare
        free childcare for {child}
        funded childcare for {child}
        early years funding
        childcare funding
        universal credit childcare
        childcare when working
        family information service
        FIS
        childcare
        child care
        nursery
        nurseries
        nursery place
        free nursery
        free childcare
        funded childcare
        funded hours
        free hours
        15 hours
        30 hours
        15 free hours
        30 free hours
        2 year old funding
        two year old funding
        funded place
        childminder
        child minder
        childminders
        preschool
        pre school
        early education
        early learning
        after school club
        breakfast club
        wraparound care
        tax free childcare
        childcare costs
        help paying for childcare
        creche
        au pair
        babysitter
        babysitting
        baby sitter
        someone to look after {child}
        look after {child} while i work
        childcare while i work
        holiday childcare
        childcare in holidays
        evening childcare
        weekend childcare
        childcare for shift work
        daycare
        day care
        day nursery
        nursery school
        school nursery
        playschool
        play school
        kindergarten
        nursary
        nursey
        child minding
        ofsted registered
        registered childminder
        nursery fees
        nursery costs
        can not afford nursery
        can not afford childcare
        nursery too expensive
        nursery waiting list
        no nursery places
        starting nursery
        settling in at nursery
        FEEE
        free early education
        free early education entitlement
        funding for 2 year olds
        funding for 3 year olds
        3 year old funding
        funded 2 year old place
        two year offer
        2 year offer
        9 months funding
        childcare from 9 months
        working parents entitlement
        30 hours code
        eligibility code
        childcare code
        childcare choices
        childcare account
        UC childcare
        childcare element
        inclusion funding
        SENIF
        disability access fund
        DAF
        EYPP
        early years pupil premium
        before school club
        wrap around care
        wraparound childcare
        out of school care
        care to learn
        need a nanny
        nanny for {child}
        live in nanny
        nanny share
        """),
    "Parenting programmes": _phrases("""
        how to get {child} to listen
        get {child} to listen
        {child} will not listen
        {child} does not listen
        {child} ignores me
        family support worker
        family support
        early help
        early help assessment
        family worker
        help as a parent
        parenting help
        parenting worries
        hitting other children
        biting
        screaming
        shouting at {child}
        i shout at {child}
        lose my temper with {child}
        struggling to cope with {child}
        struggling to cope
        cope with {child}
        on my own with {child}
        bringing up {child}
        raising {child}
        parenting
        parenting course
        parenting courses
        parenting class
        parenting classes
        parenting programme
        parenting program
        parenting group
        parenting support
        parenting advice
        parenting tips
        parenting skills
        positive parenting
        triple p
        incredible years
        solihull
        tantrums
        temper tantrums
        meltdowns at home
        challenging behaviour
        behaviour at home
        behaviour problems
        behavior problems
        bad behaviour
        naughty
        defiant
        will not listen
        does not listen
        never listens
        out of control
        struggling with {child}
        struggling with the kids
        struggling as a parent
        cannot cope with {child}
        cannot cope with the kids
        cannot manage {child}
        boundaries
        routines
        bedtime routine
        sleep problems
        will not sleep
        not sleeping
        first time parent
        first time mum
        new parent
        new mum
        better parent
        hitting siblings
        hits his sister
        hits his brother
        kicks off
        {child} kicks off
        {child} throws things
        tantrum every day
        will not do as told
        never does what told
        will not go to bed
        will not stay in bed
        bedtime battles
        bedtime struggles
        {child} fighting each other
        fighting with {sibling}
        {sibling} fighting
        sibling rivalry
        siblings always fighting
        jealous of new baby
        new baby jealous
        sibling jealousy
        lying all the time
        {child} lies
        {child} stealing from me
        whining
        whinging
        clingy
        clingy child
        aggressive child
        aggressive toddler
        {child} is aggressive
        {child} is a nightmare
        {child} is hard work
        can not handle {child}
        how to handle {child}
        how to deal with {child}
        what to do with {child}
        at end of my tether
        end of my tether
        wits end
        at my wits end
        yelling at {child}
        snapping at {child}
        lost my temper
        losing my temper
        smacked {child}
        smacking
        discipline
        time out
        reward chart
        sticker chart
        gentle parenting
        setting boundaries
        challenging behavior
        bad behavior
        behavior at home
        behaviour issues
        behavioral
        behaviour management
        behaviour support
        behavour
        behaivour
        solihull approach
        understanding your child
        mellow parenting
        strengthening families
        webster stratton
        family links
        nurturing programme
        EPEC
        being a parent course
        123 magic
        circle of security
        parent gym
        TAF
        team around the family
        TAC
        team around the child
        EHA
        EHAT
        CAF
        lead professional
        early help plan
        early help team
        early help hub
        early help referral
        supporting families
        troubled families
        families first
        targeted family support
        family support team
        FSW
        family practitioner
        family intervention
        family key worker
        family keyworker
        family group conference
        FGC
        social worker
        social services
        social services involved
        social services investigating
        children's services
        childrens social care
        MASH
        MASH referral
        referral to social services
        child in need
        CIN
        CIN plan
        section 17
        CP plan
        child protection plan
        child protection
        child protection conference
        ICPC
        core group
        strategy meeting
        section 47
        S47
        PLO
        pre proceedings
        care proceedings
        care order
        supervision order
        social services took {child}
        {child} taken into care
        {child} removed
        {child} in care
        get {child} back
        lost {child} to social services
        lost {child} to care
        neglect
        neglecting {child}
        toddler hits me
        toddler is violent
        toddler violent
        toddler biting
        toddler hitting
        always fighting with {sibling}
        kids always fighting
        children always fighting
        kids fighting
        """),
    "Parenting teenagers": _phrases("""
        edge of care
        at risk of care
        risk of going into care
        going into care
        teenager at risk
        family breakdown
        {child} stays in room
        stays in room
        will not talk to us
        does not talk to us
        rude
        aggressive at home
        screams at me
        {child} screams at me
        {child} swears at me
        answering back
        teenage tantrums
        teenager rude
        parenting a teenager
        teenager problems
        curfew
        teenager
        teenagers
        teenage
        teen
        teens
        parenting teens
        parenting teenagers
        stroppy teenager
        teenager out of control
        teen out of control
        teenage behaviour
        teenager will not listen
        teenager behaviour
        staying out late
        not coming home
        comes home late
        arguing with {child} all the time
        rows with {child}
        adolescent
        adolescence
        rebellious
        moody teenager
        teenage son
        teenage daughter
        gobby
        mouthy
        lippy
        back chat
        backchat
        talks back
        disrespectful
        no respect
        slams doors
        door slamming
        stays in bedroom
        in bedroom all day
        never leaves room
        will not come out of room
        sleeps all day
        will not talk to me
        does not talk to me
        {child} hates me
        says she hates me
        says he hates me
        sneaking out
        out all night
        stays out all night
        will not come home
        does not come home
        ignores curfew
        breaking curfew
        lost control of {child}
        can not control {child}
        beyond parental control
        beyond control
        arguing with {child}
        arguments with {child}
        fighting with {child}
        fell out with {child}
        clashing with {child}
        do not get on with {child}
        {child} attitude
        teen attitude
        bad attitude
        hormonal teenager
        teenage hormones
        sulking
        grumpy teenager
        {child} wants to leave home
        {child} wants to move out
        can not live at home anymore
        {child} stealing from me
        teenager stealing money
        NVR
        non violent resistance
        teen triple p
        living with teenagers
        strengthening families 10 14
        adolescent service
        adolescent support team
        edge of care team
        young people's service
        family mediation for teenagers
        teenager gone off rails
        off the rails
        going off the rails
        troubled teen
        difficult teenager
        teenager nightmare
        teen behaviour
        teenage behavior
        {child} thinks she is an adult
        pre teen
        preteen
        tween
        """),
    "Parental conflict": _phrases("""
        RPC
        reducing parental conflict programme
        arguing in front of {child}
        arguing in front of the kids
        we keep arguing
        always fighting
        bickering
        communication with {parent}
        co parenting problems
        co parenting is hard
        cannot agree
        parental conflict
        arguing
        arguments
        argue
        arguing with {parent}
        always arguing
        rowing
        rows
        fighting with {parent}
        parents fighting
        parents arguing
        we argue
        shouting at each other
        tension at home
        relationship problems
        relationship support
        relationship counselling
        relationship advice
        couples counselling
        couple counselling
        marriage counselling
        relationship breaking down
        relationship breakdown
        falling out with {parent}
        co parenting
        coparenting
        relate
        reducing parental conflict
        constant arguments
        arguing constantly
        argue all the time
        we fight all the time
        screaming matches
        shouting matches
        slanging match
        blazing rows
        massive row
        fight in front of {child}
        rowing in front of {child}
        {child} hear arguing
        {child} sees us arguing
        {parent} and i argue
        {parent} and i fight
        not getting on with {parent}
        do not get on with {parent}
        we do not get on
        marriage problems
        marriage breaking down
        marriage in trouble
        struggling marriage
        unhappy marriage
        unhappy relationship
        rocky relationship
        rough patch
        relationship struggles
        relationship issues
        relationship help
        relationship after baby
        arguing since baby
        strain on relationship
        silent treatment
        not speaking to each other
        stonewalling
        living separate lives
        separate bedrooms
        fell out of love
        falling out of love
        {parent} does not help
        no help from {parent}
        {parent} does nothing
        arguing about money
        money arguments
        arguments with ex
        conflict with ex
        conflict with {parent}
        high conflict
        high conflict separation
        conflict at home
        co parent disagreements
        interparental conflict
        inter parental conflict
        parents as partners
        one plus one
        arguing better
        me you and baby too
        couples therapy
        marriage guidance
        affair
        {parent} cheated
        {parent} having an affair
        cheating
        infidelity
        toxic relationship
        blended family
        stepfamily
        step family
        step parenting
        {parent} never helps
        {parent} never helps with {child}
        """),
    "Separation and divorce": _phrases("""
        separated parents
        separated parents course
        parenting after separation
        after separation
        after divorce
        co parenting with {parent}
        co parenting after separation
        {parent} will not let me see
        dispute over {child}
        custody battle
        contact centre
        handover
        handovers
        single after separation
        separation
        separating
        separated
        divorce
        divorcing
        getting divorced
        split up
        splitting up
        broken up
        break up
        breakup
        broke up
        {parent} left
        {parent} left me
        walked out
        leaving {parent}
        custody
        contact arrangements
        child arrangements
        child contact
        access to {child}
        see my kids
        see my children
        not allowed to see {child}
        will not let me see {child}
        mediation
        family mediation
        child maintenance
        CMS
        parenting apart
        two homes
        family court
        seperated
        seperated parents
        divorse
        devorce
        going through divorce
        going through separation
        recently separated
        newly single
        just split up
        separating from {parent}
        left {parent}
        {parent} moved out
        thinking of leaving {parent}
        relationship ended
        relationship over
        marriage over
        {parent} stopped me seeing {child}
        stopping me seeing {child}
        not seeing {child}
        can not see {child}
        {parent} keeps {child} from me
        denied access
        denied contact
        no contact with {child}
        parental alienation
        alienation
        turning {child} against me
        {child} not want to see {parent}
        {child} refuses to see {parent}
        {child} will not go to {parent}
        {child} refuses contact
        supervised contact
        supervised visits
        contact visits
        child contact centre
        shared care arrangement
        50 50 custody
        full custody
        joint custody
        sole custody
        custody of {child}
        residence order
        visitation
        visitation rights
        parental responsibility
        prohibited steps order
        specific issue order
        C100
        MIAM
        CAFCASS
        cafcass officer
        section 7 report
        court welfare officer
        parenting plan
        SPIP
        separated parents information programme
        planning together for children
        maintenance payments
        not paying maintenance
        {parent} will not pay maintenance
        family solicitor
        family law
        legal aid family
        divorce lawyer
        financial settlement
        mediation voucher
        telling {child} about divorce
        telling {child} we are separating
        {child} struggling with divorce
        {child} struggling with separation
        {child} upset about divorce
        two households
        living apart
        grandparents rights
        grandparent access
        fathers rights
        dads rights
        blended family
        stepfamily
        step family
        step parenting
        """),
    "Dads and male carers": _phrases("""
        dads only
        dad support
        support for fathers
        fathers group
        mens group
        men's group
        single father
        separated dad
        dad and baby
        dads and toddlers
        father figure
        male role model
        dad
        dads
        daddy
        father
        fathers
        fatherhood
        dads group
        dad group
        dads club
        for dads
        male carer
        male carers
        men
        single dad
        new dad
        young dad
        stay at home dad
        dads stay and play
        dad and me
        daddy and me
        dads and kids
        dads and lads
        dad and daughter
        dad and son
        father and son
        father and daughter
        DadPad
        dad pad
        dads matter
        fathers network
        fatherhood programme
        fathers support
        support for new dads
        new father
        first time dad
        first time father
        becoming a dad
        becoming a father
        expectant dad
        expectant father
        dad struggling
        struggling dad
        struggling father
        lone father
        lone dad
        separated father
        divorced dad
        dad on my own
        stepdad
        stepfather
        being a stepdad
        fathers rights
        dads rights
        paternity leave
        paternity pay
        men only
        male only
        for men
        mens mental health
        teenage father
        young father
        teen dad
        solo dad
        """),
    "Kinship care": _phrases("""
        looking after {sibling} {child}
        looking after my sisters {child}
        looking after my brothers {child}
        raising {child} of {sibling}
        raising my grandkids
        raising grandkids
        bringing up grandkids
        bringing up grandchildren
        bringing up my grandchildren
        looking after grandkids
        grandkids
        grandchildren
        nan raising
        grandparent raising
        grandparents raising
        grandparents bringing up
        my niece lives with me
        my nephew lives with me
        special guardianship order
        SGO support
        kinship allowance
        kinship
        kinship care
        kinship carer
        kinship carers
        special guardianship
        special guardian
        SGO
        grandparent carer
        grandparents raising grandchildren
        raising my grandchildren
        raising my grandson
        raising my granddaughter
        looking after my grandchildren
        looking after my grandson
        looking after my granddaughter
        looking after my niece
        looking after my nephew
        looking after my sisters children
        looking after my brothers children
        family and friends care
        family and friends carer
        connected carer
        connected person
        private fostering
        private fostering arrangement
        child arrangements order
        grandson lives with me
        granddaughter lives with me
        grandchild lives with me
        grandchildren live with me
        grandkids live with me
        caring for grandchildren
        caring for grandkids
        caring for my niece
        caring for my nephew
        looking after grandchild
        took in grandchildren
        taken in grandchildren
        taken in my niece
        taken in my nephew
        gran raising
        grandma raising
        granny raising
        grandad raising
        nana raising
        aunt raising
        auntie raising
        uncle raising
        living with grandparents
        lives with nan
        lives with gran
        lives with grandma
        lives with aunt
        lives with auntie
        relative looking after {child}
        family member looking after {child}
        relative carer
        kinship foster carer
        kinship fostering
        family and friends foster carer
        connected persons assessment
        viability assessment
        regulation 24
        reg 24
        SGO allowance
        SGO assessment
        special guardianship allowance
        special guardianship support
        CAO
        residence order
        guardians allowance
        kinship allowance for grandparents
        money for looking after grandchildren
        kinship carers allowance
        kinship payment
        grandparent carers group
        grandparents group
        kinship support group
        grandparents plus
        kinship charity
        raising my niece
        raising my nephew
        bringing up my niece
        bringing up my nephew
        {sibling} {child} live with me
        raising {sibling} {child}
        bringing up {sibling} {child}
        caring for {sibling} {child}
        looking after {sibling} kids
        grandson lives with us
        granddaughter lives with us
        grandkids live with us
        grandchildren live with us
        niece lives with us
        nephew lives with us
        {sibling} {child} live with us
        """),
    "School attendance": _phrases("""
        persistent absence
        persistently absent
        severe absence
        EWO
        education welfare officer
        education welfare
        attendance officer
        attendance team
        attendance support
        taking {child} out of school
        fined for taking
        term time holiday
        penalty notice
        school fine
        not attending
        non attendance
        won't get out of bed for school
        will not go in
        panic about school
        school phobia
        gypsy roma traveller education
        school attendance
        attendance
        not going to school
        will not go to school
        refuses to go to school
        refusing school
        refusing to go to school
        school refusal
        school refuser
        school avoidance
        avoiding school
        emotionally based school avoidance
        EBSA
        EBA
        missing school
        missed school
        truanting
        truancy
        skipping school
        bunking off
        absent from school
        off school
        poor attendance
        low attendance
        attendance fine
        fined for attendance
        late for school
        school anxiety
        anxious about school
        does not want to go to school
        hates school
        home education
        home schooling
        won't get up for school
        refuses to get up for school
        can not get {child} to school
        struggling to get {child} to school
        getting {child} to school
        crying before school
        tummy ache before school
        sick before school
        stomach ache before school
        panic before school
        school mornings
        dreads school
        scared to go to school
        frightened of school
        too anxious for school
        too anxious to go to school
        off school for weeks
        off school for months
        not been in school
        not been to school
        been off school
        out of school
        not in school
        missing education
        CME
        children missing education
        no school place
        without a school place
        not on roll
        90 percent attendance
        attendance below 90
        attendance letter
        letter about attendance
        attendance meeting
        attendance panel
        prosecuted for attendance
        court for school attendance
        fined for holiday
        holiday fine
        unauthorised absence
        unauthorized absence
        absences
        always late
        late every day
        parenting contract
        attendance contract
        school attendance order
        SAO
        EHE
        elective home education
        home ed
        deregister
        pull {child} out of school
        flexi schooling
        medical tuition
        too ill for school
        EBSNA
        emotionally based school non attendance
        school based anxiety
        skiving
        skiving off
        wagging
        wagging school
        sagging school
        mitching
        playing truant
        refusing to attend
        will not attend
        can not get him to school
        can not get her to school
        can not get them to school
        struggling to get him to school
        struggling to get her to school
        """),
    "Special educational needs and disabilities (SEND)": _phrases("""
        local offer
        SEND local offer
        EHCP help
        special educational needs support
        sen help
        SEN support plan
        IEP
        individual education plan
        needs help with learning
        struggling to learn
        behind at school
        learning needs
        speech and language at school
        SEND tribunal
        SEND parent carer forum
        parent carer forum
        SENDIASS advice
        SEND
        SEN
        special educational needs
        special needs
        SENCO
        SENDCO
        EHCP
        EHC plan
        EHC
        education health and care plan
        education health care plan
        EHCP assessment
        needs assessment
        SEN support
        learning difficulties
        learning difficulty
        learning disability
        learning disabilities
        dyslexia
        dyslexic
        dyspraxia
        dyscalculia
        global developmental delay
        GDD
        additional needs
        SENDIASS
        IASS
        special school
        one to one at school
        support at school
        help at school
        extra help at school
        educational psychologist
        ed psych
        statement
        annual review
        SEN tribunal
        SEND support
        EHCNA
        EHC needs assessment
        EHCP refused
        refused EHCP
        refusal to assess
        EHCP appeal
        appeal EHCP
        EHCP review
        SENDIST
        first tier tribunal
        IPSEA
        SOSSEN
        SENDIAS
        parent partnership
        named school
        section F
        specialist placement
        specialist provision
        specialist school
        special needs school
        SEN school
        SEN unit
        resource base
        ARP
        SRP
        nurture group
        nurture class
        SEMH
        MLD
        SLD
        SpLD
        specific learning difficulty
        APDR
        provision map
        pupil passport
        one page profile
        SEN register
        SEN funding
        high needs funding
        top up funding
        TA support
        1 to 1 support
        1 to 1 at school
        one to one support
        school not meeting needs
        needs not being met
        school not supporting
        not getting support at school
        no support at school
        school will not help
        school not helping
        school will not assess
        falling behind
        falling behind at school
        not making progress
        working below age
        below expected level
        struggling with reading
        can not read
        not reading yet
        behind with reading
        reading difficulties
        spelling difficulties
        struggles with maths
        behind in maths
        letters backwards
        reverses letters
        poor handwriting
        handwriting
        dislexia
        dislexic
        dyslexsia
        dyspraxic
        dispraxia
        DCD
        developmental coordination disorder
        dysgraphia
        processing disorder
        auditory processing
        APD
        slow processing
        processing speed
        working memory
        learning disabilty
        ALN
        additional learning needs
        access arrangements
        extra time in exams
        SEN transport
        school transport
        home to school transport
        travel assistance
        travel training
        EOTAS
        education other than at school
        FASD
        fetal alcohol syndrome
        foetal alcohol
        """),
    "Behaviour and exclusion from school": _phrases("""
        PEx
        at risk of exclusion
        risk of exclusion
        facing exclusion
        about to be excluded
        sending him home
        sending her home
        sent home early
        keep sending him home
        keep sending her home
        internal exclusion
        on report
        behaviour problems at school
        behaviour at school problems
        bad behaviour in class
        fights in school
        trouble in class
        school behaviour
        part time timetable
        reduced timetable
        excluded
        exclusion
        excluded from school
        exclusions
        suspended
        suspension
        suspended from school
        fixed term exclusion
        permanent exclusion
        permanently excluded
        expelled
        kicked out of school
        sent home from school
        PRU
        pupil referral unit
        alternative provision
        behaviour at school
        behaviour in school
        behavior at school
        bad behaviour at school
        trouble at school
        in trouble at school
        getting into trouble at school
        detention
        detentions
        isolation at school
        managed move
        fights at school
        fighting at school
        getting into fights
        disruptive in class
        excluded again
        excluded for fighting
        suspention
        exclution
        fixed term
        FTE
        exclusion appeal
        appeal exclusion
        challenge exclusion
        independent review panel
        governors meeting exclusion
        off rolled
        offrolled
        told to home educate
        pressured to home educate
        school wants us to home educate
        sent out of class
        sent out of lessons
        kicked out of class
        removed from class
        isolation room
        isolation booth
        inclusion room
        reflection room
        removal room
        behaviour points
        negative points
        demerits
        behaviour contract
        behaviour plan
        PSP
        pastoral support plan
        head of year
        hitting teachers
        swearing at teachers
        swore at teacher
        rude to teachers
        disrupting lessons
        class clown
        messing about in class
        messing around in class
        walks out of lessons
        walking out of class
        running out of class
        absconding from school
        runs out of school
        school keeps calling
        school always calling
        calls from school
        school ringing me
        teacher keeps calling
        behaviour policy
        behavior policy
        behavior in school
        behaviour issues at school
        excluded from nursery
        nursery excluding
        hub school
        behaviour unit
        learning support unit
        sent him home
        sent her home
        school sent home
        keep sending him home from school
        always fighting at school
        """),
    "Education, employment and training after 16": _phrases("""
        after year 11
        year 11
        year 12
        fail gcses
        failed exams
        failing gcses
        no gcses
        what to do after school
        leaving school at 16
        college or apprenticeship
        16 to 18
        16 19
        post 16 options
        careers guidance
        job for {child}
        {child} needs a job
        teenager needs a job
        not in college
        dropped out of sixth form
        NEET support
        NEET
        not in education
        not in education or training
        not in education employment or training
        college
        college course
        college place
        apprenticeship
        apprenticeships
        apprentice
        traineeship
        sixth form
        post 16
        after 16
        16 plus
        leaving school
        left school
        school leaver
        finished school
        dropped out of college
        dropped out
        after gcses
        gcse results
        failed gcses
        resits
        careers advice
        career advice
        careers adviser
        careers
        jobs for young people
        job for young person
        first job
        work experience
        supported internship
        t levels
        youth employment
        NEETs
        not in work or college
        no job no college
        doing nothing all day
        {child} does nothing all day
        no plans after school
        left school no plans
        what next after gcses
        alevels
        BTEC
        foundation course
        study programme
        16 19 bursary
        bursary
        college bursary
        EMA
        college transport
        kings trust
        princes trust
        connexions
        careers service
        careers advisor
        youth hub
        youth employment hub
        youth guarantee
        DFN project search
        project search
        supported employment for young people
        wants to drop out
        quit college
        left college
        kicked out of college
        hates college
        not going to college
        failed college
        no qualifications
        no quals
        retake gcse
        retake english
        maths resit
        english resit
        jobs for teenagers
        jobs for 16 year olds
        part time job for {child}
        year 13
        risk of NEET
        apprenticeship vacancies
        young person job
        """),
    "Emotional wellbeing and mental health": _phrases("""
        MHST
        mental health support team
        mental health support teams
        wellbeing practitioner
        cry
        crying
        cry every day
        no one listens
        nobody listens
        really down
        down for months
        feeling down all the time
        cuts
        cuts on her arm
        cuts on his arm
        hurting herself
        hurting himself
        hurts herself
        hurts himself
        self injury
        does not want to live
        wants to kill herself
        wants to kill himself
        kill myself
        fears
        phobia
        withdrawn
        sad
        unhappy at school
        emotional support
        emotional problems
        mental health for {child}
        {child} mental health
        {child} anxiety
        {child} depressed
        {child} is depressed
        {child} anxious
        anxiety in {child}
        children anxiety
        child counselling
        young people counselling
        youth counselling
        wellbeing support
        mental health support
        school counsellor
        talking to someone
        need to talk
        talk to someone
        mental health
        mental heath
        emotional wellbeing
        emotional well being
        wellbeing
        well being
        anxiety
        anxious
        worried all the time
        panic attacks
        panic attack
        depression
        depressed
        low mood
        feeling low
        feeling down
        sad all the time
        unhappy
        stressed
        stress
        self harm
        self harming
        selfharm
        self harms
        cutting
        cutting herself
        cutting himself
        cuts herself
        cuts himself
        suicidal
        suicide
        wants to die
        want to die
        suicidal thoughts
        eating disorder
        anorexia
        bulimia
        not eating
        CAMHS
        CAHMS
        counselling
        counseling
        counsellor
        counselor
        therapy
        therapist
        talking therapy
        someone to talk to
        OCD
        anger
        angry
        anger issues
        anger management
        lonely
        loneliness
        isolated
        low confidence
        low self esteem
        self esteem
        confidence
        trauma
        PTSD
        nightmares
        mood swings
        crying all the time
        overwhelmed
        kooth
        emotional
        psychologist
        {child} self harming
        scratching herself
        scratching himself
        burning herself
        burning himself
        hitting herself
        hitting himself
        skin picking
        picking skin
        pulling hair out
        trichotillomania
        wants to end it
        end it all
        does not want to be here
        better off dead
        better off without me
        overdose
        took an overdose
        took tablets
        OD
        kms
        unalive
        unalive myself
        wants to disappear
        feels worthless
        worthless
        hopeless
        feels hopeless
        no point in anything
        feels like a burden
        always sad
        crying every night
        cries every night
        crying in bedroom
        not himself
        not herself
        personality changed
        withdrawing
        isolating himself
        isolating herself
        shut himself away
        shut herself away
        no motivation
        unmotivated
        lost interest in everything
        does not enjoy anything
        feels numb
        feels empty
        worrier
        worry a lot
        constant worry
        overthinking
        panicking
        health anxiety
        social anxiety
        separation anxiety
        generalised anxiety
        GAD
        emetophobia
        fear of being sick
        scared all the time
        anxity
        anxiaty
        depresion
        mentel health
        body image
        body dysmorphia
        hates the way she looks
        hates the way he looks
        thinks she is fat
        thinks he is fat
        hates herself
        hates himself
        stopped eating
        restricting food
        counting calories
        obsessed with calories
        obsessed with weight
        making herself sick
        making himself sick
        binge eating
        bingeing
        purging
        ARFID
        angry outbursts
        anger outbursts
        outbursts
        rage
        explosive anger
        dysregulated
        emotional regulation
        big feelings
        big emotions
        tearful
        teary
        upset all the time
        bottles things up
        will not open up
        does not open up
        hearing voices
        voices in head
        psychosis
        paranoid
        hallucinations
        obsessive
        compulsions
        rituals
        hand washing
        traumatised
        traumatized
        flashbacks
        adverse childhood experiences
        attachment issues
        attachment disorder
        attachment
        developmental trauma
        struggling mentally
        mentally struggling
        mental breakdown
        mental health crisis
        CYPMHS
        CAMS
        CAMHS referral
        waiting for CAMHS
        EMHP
        ELSA
        emotional literacy
        young minds
        youngminds
        childline
        papyrus
        samaritans
        place2be
        off the record
        school counselling
        """),
    "Parental mental health": _phrases("""
        terrible mum
        bad mum
        terrible mother
        bad mother
        rubbish mum
        failing as a mum
        failing as a parent
        not a good mum
        anxiety since {child}
        since having {child}
        since {child} was born
        after having {child}
        since birth
        anxious since birth
        mum struggling
        mum crying
        crying all the time mum
        parent stress
        stressed parent
        stressed out parent
        parent burnout
        exhausted parent
        exhausted mum
        new mum struggling
        new dad feeling low
        new dad depressed
        dad feeling low
        dads mental health
        fathers mental health
        talking therapies
        IAPT
        NHS talking therapies
        adult counselling
        counselling for parents
        counselling for mums
        therapy for me
        i have anxiety
        i have depression
        mum with anxiety
        mum with depression
        postnatal psychosis
        perinatal team
        mental health after birth
        intrusive thoughts
        scary thoughts about {child}
        parental mental health
        postnatal depression
        post natal depression
        postnatal
        post natal
        PND
        postpartum
        postpartum depression
        postnatal anxiety
        perinatal
        perinatal mental health
        perinatal anxiety
        baby blues
        low after baby
        low after having baby
        low since baby
        depressed since baby
        depressed after baby
        struggling since baby
        struggling after birth
        birth trauma
        traumatic birth
        bonding with baby
        not bonding
        cannot bond
        struggling to bond
        mum mental health
        mums mental health
        dads mental health
        parent mental health
        maternal mental health
        mental health as a parent
        i am depressed
        i feel depressed
        i feel low
        i am struggling to cope
        i cannot cope
        i am not coping
        not coping
        depressed mum
        {parent} has depression
        {parent} is depressed
        {parent} mental health
        puerperal psychosis
        feeling better after baby
        i'm depressed
        im depressed
        i'm anxious
        im anxious
        i'm struggling
        im struggling
        i'm not coping
        im not coping
        i'm not ok
        im not ok
        i'm overwhelmed
        im overwhelmed
        i'm exhausted
        im exhausted
        i feel like i'm failing
        i'm a bad mum
        can not do this anymore
        hate being a mum
        hate being a parent
        regret having {child}
        regret having baby
        do not love baby
        feel nothing for baby
        do not feel connected to baby
        do not want baby
        thoughts of harming baby
        thoughts of hurting baby
        scared i will hurt baby
        thoughts about hurting {child}
        mum burnout
        burnt out
        burned out
        burnout
        mum rage
        mom rage
        mum guilt
        mom guilt
        parent guilt
        touched out
        sleep deprived
        lonely mum
        lonely new mum
        isolated mum
        lonely since baby
        no friends since baby
        anxious mum
        anxious parent
        anxious dad
        postnatal depresion
        post natal depresion
        post partum
        postpartum anxiety
        postnatal OCD
        perinatal OCD
        OCD after baby
        PTSD after birth
        birth PTSD
        birth debrief
        birth reflections
        birth afterthoughts
        antenatal depression
        antenatal anxiety
        depression in pregnancy
        anxiety in pregnancy
        pregnancy depression
        prenatal depression
        depressed while pregnant
        mother and baby unit
        MBU
        maternal mental health service
        MMHS
        PIMH
        parent infant mental health
        infant mental health
        parent infant relationship
        parent infant team
        parent infant psychotherapy
        dad depression
        paternal depression
        male postnatal depression
        postnatal depression dads
        bipolar
        BPD
        EUPD
        personality disorder
        schizophrenia
        adult mental health
        CMHT
        community mental health team
        crisis team
        home treatment team
        mental health crisis
        steps2wellbeing
        self refer talking therapies
        wellbeing service
        abused as a child
        childhood abuse
        """),
    "Autism and ADHD": _phrases("""
        autism support
        autism parents
        ADHD support
        ADHD parents
        neurodivergent child
        possible autism
        think my child is autistic
        might be autistic
        signs of autism
        waiting for autism assessment
        autism waiting list
        ADHD waiting list
        post diagnosis
        ASD diagnosis
        ASC diagnosis
        meltdowns at home
        sensory overload
        cannot concentrate
        impulsive
        ADD
        autism
        autistic
        austism
        autisum
        autisim
        ASD
        ASC
        aspergers
        asperger
        ADHD
        attention deficit
        hyperactive
        hyperactivity
        neurodiverse
        neurodivergent
        neurodiversity
        neurodevelopmental
        autism assessment
        autism diagnosis
        ADHD assessment
        ADHD diagnosis
        waiting for diagnosis
        sensory processing
        sensory issues
        sensory needs
        meltdowns
        meltdown
        PDA
        pathological demand avoidance
        stimming
        cannot sit still
        autistic traits
        autism traits
        ADHD traits
        signs of ADHD
        think {child} has ADHD
        think {child} is autistic
        lines up toys
        spins wheels
        hand flapping
        flapping
        flaps hands
        walks on tiptoes
        toe walking
        no eye contact
        poor eye contact
        does not respond to name
        not responding to name
        ignores his name
        does not point
        not pointing
        obsessed with routine
        needs routine
        struggles with change
        can not cope with change
        hates change
        special interests
        obsessive interests
        repetitive behaviour
        repetitive behavior
        sensory seeking
        sensory seeker
        sensory avoider
        covers ears
        sensitive to noise
        noise sensitive
        hates loud noises
        will not wear clothes
        clothes labels
        only eats beige food
        beige food
        limited diet
        eats same foods
        masking
        masks at school
        fine at school
        holds it together at school
        melts down after school
        meltdown after school
        explodes after school
        restraint collapse
        coke bottle effect
        melt down
        shutdowns
        autistic burnout
        no sense of danger
        can not focus
        does not focus
        easily distracted
        distracted
        daydreams
        away with the fairies
        forgetful
        loses everything
        disorganised
        fidgety
        fidgets
        will not sit still
        never sits still
        hyper
        bouncing off walls
        always on the go
        no impulse control
        blurts out
        zoned out
        inattentive
        combined type
        ADHD medication
        ADHD meds
        methylphenidate
        ritalin
        medikinet
        elvanse
        concerta
        ADHD titration
        right to choose
        right to choose assessment
        private ADHD assessment
        private autism assessment
        neurodevelopmental pathway
        ND pathway
        neurodevelopmental assessment
        social communication
        social communication assessment
        social skills
        social skills group
        ADOS
        QB test
        qbtest
        conners
        demand avoidant
        extreme demand avoidance
        EDA
        persistent drive for autonomy
        sensory processing disorder
        SPD
        echolalia
        neurospicy
        neuro divergent
        neuro diverse
        nuerodivergent
        ND
        autisam
        autizm
        ADHA
        AHDH
        tourettes
        tics
        tic disorder
        {sibling} has autism
        {sibling} is autistic
        """),
    "Healthy weight and being active": _phrases("""
        fit families
        healthy family
        cooking classes
        cook healthy meals
        eat better
        eating well
        child weight
        {child} weight
        {child} is overweight
        overweight child
        lose weight for kids
        gym for kids
        sports for kids
        swimming lessons
        active kids
        too much screen time and no exercise
        couch potato
        obesity clinic
        healthy weight
        overweight
        obese
        obesity
        weight
        weight loss
        lose weight
        losing weight
        put on weight
        healthy eating
        eat healthy
        eating healthy
        healthy lifestyle
        fussy eater
        fussy eating
        picky eater
        exercise
        being active
        active
        physical activity
        get active
        keep fit
        fitness
        nutrition
        diet
        healthy cooking
        cooking on a budget
        child measurement
        BMI
        junk food
        {child} is chubby
        chubby
        big for his age
        heavy for age
        {child} is fat
        NCMP
        NCMP letter
        national child measurement programme
        measurement letter
        weight letter from school
        letter from school about weight
        school weighed {child}
        eats too much
        overeating
        over eating
        snacking
        snacks all the time
        too much sugar
        sugary drinks
        fizzy drinks
        sweets
        portion sizes
        emotional eating
        not active
        inactive
        sedentary
        no exercise
        gets no exercise
        never goes outside
        HENRY programme
        healthy families programme
        change4life
        change 4 life
        weight management
        child weight management
        family weight management
        tier 2 weight management
        dietitian
        dietician
        nutritionist
        learn to cook
        cook from scratch
        cooking course
        family cooking
        healthy meals
        healthy recipes
        healthy snacks
        meal ideas
        meal planning
        picky eating
        will not eat vegetables
        will not eat veg
        only eats chips
        only eats junk
        refuses vegetables
        weight issues
        """),
    "Sexual health and relationships": _phrases("""
        pregnancy options
        pregnant and scared
        pregnant at 16
        pregnant at 15
        pregnant teenager advice
        sexual health advice
        sex advice
        contraceptive pill
        emergency pill
        plan B
        STI check
        check up
        clinic for young people
        young peoples clinic
        relationships education
        healthy relationships for teens
        relationship abuse teens
        puberty
        periods
        gender questioning
        gender dysphoria
        sexuality
        is my child gay
        same sex
        sexual health
        sexual health clinic
        contraception
        contraceptive
        condoms
        free condoms
        c card
        morning after pill
        emergency contraception
        the pill
        coil
        implant
        STI
        STIS
        STD
        chlamydia
        STI test
        STI testing
        HIV
        pregnancy test
        sex
        sex education
        healthy relationships
        relationships advice
        consent
        LGBT
        LGBTQ
        LGBTQ+
        gay
        lesbian
        bisexual
        trans
        transgender
        gender identity
        questioning
        coming out
        abortion
        termination
        unplanned pregnancy
        think i'm pregnant
        pregnancy scare
        might be pregnant
        could be pregnant
        late period
        missed period
        period late
        condom broke
        condom split
        split condom
        unprotected sex
        ellaone
        levonelle
        get condoms
        condom scheme
        GUM clinic
        genito urinary
        sexual health test
        sexual health check
        STI test kit
        home testing kit
        gonorrhoea
        gonorrhea
        syphilis
        herpes
        genital warts
        contraceptive injection
        depo
        IUD
        mirena
        mini pill
        on the pill
        BPAS
        MSI
        marie stopes
        abortion clinic
        end pregnancy
        unwanted pregnancy
        do not want to be pregnant
        LGBTQIA
        queer
        nonbinary
        non binary
        pronouns
        trans kid
        trans child
        transitioning
        gender clinic
        GIDS
        gender identity clinic
        puberty blockers
        {child} says he is a girl
        {child} says she is a boy
        {child} wants to be a boy
        {child} wants to be a girl
        {child} is trans
        {child} came out
        {child} is gay
        {child} is lesbian
        first period
        period pain
        heavy periods
        period problems
        body changes
        talk to {child} about sex
        talk to {child} about puberty
        birds and bees
        sex talk
        RSE
        relationships and sex education
        SRE
        pressured into sex
        pressure to have sex
        forced to have sex
        rape
        sexual assault
        SARC
        ISVA
        rape crisis
        dating abuse
        teen dating violence
        13 and pregnant
        14 and pregnant
        15 and pregnant
        16 and pregnant
        17 and pregnant
        pregnant at 13
        pregnant at 14
        pregnant teen
        pregnant at school
        pregnant in school
        under 18 and pregnant
        pregnant under 18
        """),
    "Domestic abuse": _phrases("""
        DVA
        domestic violence and abuse
        shouts at {parent}
        shouting at {parent}
        screams at {parent}
        smashes things
        smashing things
        throws things
        breaks things
        punches walls
        checks my phone
        tells me what to wear
        controls the money
        controls money
        takes my money
        will not let me see my friends
        will not let me go out
        isolates me
        isolated from friends
        jealous partner
        possessive partner
        possessive boyfriend
        afraid to go home
        scared at home
        walking on eggshells
        non molestation order
        occupation order
        injunction
        restraining order
        Clare's law
        domestic violence disclosure
        CAPVA
        child to parent abuse
        teenager violent towards me
        {child} is violent
        {child} hits me
        {parent} hurts me
        {parent} threatens me
        threatens to kill
        safe house
        escape abuse
        leaving abusive
        abusive
        abuse
        domestic abuse
        domestic violence
        DV
        DA
        abusive relationship
        abusive partner
        abusive husband
        abusive boyfriend
        abusive ex
        abuse at home
        hits me
        hit me
        beats me
        beat me up
        beaten
        pushes me
        pushed me
        chokes me
        strangled
        hurts me
        violent partner
        violent husband
        violent boyfriend
        violent at home
        controlling
        controlling partner
        controlling behaviour
        coercive control
        coercive
        scared of {parent}
        afraid of {parent}
        frightened of {parent}
        refuge
        womens refuge
        fleeing
        flee
        escape
        IDVA
        MARAC
        freedom programme
        stalking
        stalked
        stalker
        harassment
        harassed
        threatened
        threatening me
        honour based abuse
        forced marriage
        FGM
        female genital mutilation
        economic abuse
        financial abuse
        child to parent violence
        {parent} hits me
        {parent} is violent
        {child} hits me
        violent towards me
        witnessed domestic abuse
        slapped me
        punched me
        kicked me
        grabbed me
        pinned me down
        held me down
        spat at me
        throws things at me
        threw things at me
        gave me bruises
        bruises
        black eye
        strangles me
        {parent} hits {parent}
        {parent} hurts {parent}
        {parent} beats {parent}
        {parent} beats me
        {parent} hits {child}
        {parent} beats {child}
        {parent} hits us
        beaten up by {parent}
        child abuse
        physical abuse
        threatened to hurt me
        threatens to take {child}
        says he will take {child}
        threatens suicide if i leave
        scared of him
        scared of her
        afraid of him
        frightened of him
        terrified of him
        scared to leave
        afraid to leave
        can not leave him
        hiding from {parent}
        get away from {parent}
        run away from {parent}
        escape from {parent}
        safe place to go
        safe accommodation
        sanctuary scheme
        not safe at home
        unsafe at home
        do not feel safe at home
        tracks my phone
        tracking my location
        tracker on my car
        monitors my phone
        reads my messages
        goes through my phone
        checks where i am
        will not let me work
        stops me working
        stops me seeing family
        stops me seeing friends
        cut me off from family
        takes my bank card
        has my bank card
        controls everything
        debt in my name
        loans in my name
        puts me down
        puts me down all the time
        makes me feel worthless
        gaslighting
        gaslights me
        narcissist
        narcissistic ex
        narcissistic partner
        love bombing
        emotional abuse
        emotionally abusive
        mental abuse
        verbal abuse
        psychological abuse
        makes me have sex
        forces me to have sex
        marital rape
        rape
        sexual assault
        SARC
        ISVA
        rape crisis
        sexual violence
        post separation abuse
        uses {child} against me
        uses {child} to control me
        keeps turning up
        turns up at my house
        will not leave me alone
        {parent} following me
        revenge porn
        shared intimate images
        toxic relationship
        domestic
        domestic violance
        DVPO
        DVPN
        DAPO
        domestic abuse protection order
        DASH risk assessment
        DA worker
        DV worker
        operation encompass
        womens aid
        respect helpline
        mankind initiative
        male victim
        abused man
        bright sky
        ask for ANI
        perpetrator
        perpetrator programme
        DAPP
        i hit {parent}
        called police on {parent}
        {child} attacks me
        {child} punches me
        {child} kicks me
        {child} threatens me
        {child} threatens to hurt me
        scared of {child}
        afraid of {child}
        frightened of {child}
        {child} smashes house up
        {child} breaks things
        violent teenager
        APV
        CPV
        adolescent to parent violence
        child on parent violence
        NVR
        who's in charge
        break4change
        HBV
        honour based violence
        forced to marry
        being forced to marry
        dowry abuse
        assaulted me
        DASH risk
        will not let me see family
        will not let me out
        will not let me leave
        """),
    "Exploitation (criminal and sexual)": _phrases("""
        older boyfriend
        boyfriend much older
        picks her up from school
        picks him up from school
        older men picking up
        NRM
        national referral mechanism
        return home interview
        missing episode
        missing episodes
        runs away
        ran away
        running away
        keeps running away
        county lines worries
        holding drugs
        carrying drugs
        gifts from older
        new trainers
        money he cannot explain
        grooming gang
        trafficking children
        sexual abuse
        CSA
        exploitation
        exploited
        CSE
        CCE
        child sexual exploitation
        child criminal exploitation
        sexual exploitation
        criminal exploitation
        county lines
        grooming
        groomed
        groomer
        older boys
        older men
        older man
        older friends
        gang
        gangs
        gang involvement
        running drugs
        drug running
        dealing drugs
        trafficking
        trafficked
        modern slavery
        going missing
        goes missing
        missing from home
        keeps going missing
        new phone
        expensive clothes
        unexplained money
        money from older boys
        offering money
        sextortion
        online grooming
        going country
        gone country
        going OT
        cuckooing
        trap house
        trapping
        trap phone
        burner phone
        second phone
        two phones
        plugging
        drug debt
        owes a drug debt
        debt bondage
        owes money to dealers
        dealers after him
        threatened by dealers
        found cash in his room
        found money in his room
        bundles of cash
        large amounts of cash
        designer clothes
        new friends with cars
        older friends with cars
        friends with cars
        picked up in cars
        gets into cars
        paid for taxis
        train tickets
        unexplained train tickets
        travelling to other towns
        found in another town
        found miles away
        missing for days
        missing overnight
        missing from care
        reported missing
        missing person
        misper
        MFH
        {child} is missing
        {child} missing
        staying in hotels
        much older boyfriend
        boyfriend in his 20s
        dating older man
        older guy
        older lads
        meeting men online
        met someone online
        meeting strangers
        talking to older men online
        sugar daddy
        gifts from men
        free drugs and alcohol
        given alcohol by older
        given drugs
        sex for money
        sex in exchange
        exchange for drugs
        runner
        drug runner
        running for dealers
        running for a gang
        selling drugs
        shotting
        shotter
        holding for someone
        holding stuff for older boys
        stashing
        in a gang
        joined a gang
        money mule
        using his bank account
        unexplained injuries
        injuries he will not explain
        secretive about phone
        phone ringing all night
        {child} owes money
        contextual safeguarding
        complex safeguarding
        MACE
        exploitation team
        missing and exploitation
        RHI
        radicalisation
        radicalization
        extremism
        extremist
        far right
        channel panel
        incel
        andrew tate
        sarahs law
        PREVENT referral
        PREVENT team
        PREVENT officer
        groomed online
        groomed on roblox
        groomed on snapchat
        groomed on instagram
        """),
    "Youth crime prevention": _phrases("""
        youth diversion
        diversion
        at risk of offending
        risk of offending
        getting into trouble
        trouble with the law
        in trouble with the law
        caught by police
        arrested for
        police involved
        out of court disposal
        YOS
        knife carrying
        carries a knife
        involved in crime
        hanging around with wrong crowd
        wrong crowd
        bad crowd
        boxing
        young offender
        offender
        youth offending
        youth offending team
        YOT
        YOS
        youth justice
        arrested
        arrest
        police
        trouble with police
        trouble with the police
        caught stealing
        shoplifting
        stealing
        steals
        theft
        crime
        criminal
        offending
        reoffending
        knife
        knives
        knife crime
        carrying a knife
        weapon
        weapons
        anti social behaviour
        antisocial behaviour
        ASB
        vandalism
        court
        court order
        referral order
        youth court
        caution
        cautioned
        robbery
        violence
        fighting in the street
        got nicked
        nicked
        pulled by police
        stopped by police
        stop and search
        picked up by police
        police at door
        police brought him home
        police keep coming
        on bail
        bail
        released under investigation
        RUI
        charged with
        been charged
        {child} arrested
        {child} got arrested
        {child} in prison
        {child} locked up
        YOT worker
        YJS
        youth justice service
        turnaround
        turnaround programme
        youth triage
        community resolution
        outcome 22
        youth caution
        youth conditional caution
        YCC
        DTO
        detention and training order
        young offenders institution
        YOI
        secure unit
        electronic tag
        curfew tag
        criminal record
        restorative justice
        violence reduction unit
        VRU
        serious violence
        serious youth violence
        found a knife
        knife in his bag
        zombie knife
        machete
        blade
        shank
        stabbed
        got stabbed
        joy riding
        joyriding
        stealing cars
        riding mopeds
        graffiti
        setting fires
        fire setting
        firesetting
        arson
        criminal damage
        hanging around on streets
        on the streets all night
        assault
        assaulted someone
        ABH
        GBH
        affray
        robbing
        mugging
        burglary
        breaking into
        nicking from shops
        stealing from shops
        caught nicking
        acceptable behaviour contract
        community protection notice
        dispersal order
        bad influence
        mixing with wrong people
        wrong people
        postcode war
        postcode gang
        mentor
        youth mentor
        youth offending worker
        youth justice worker
        """),
    "Bullying and online safety": _phrases("""
        parental controls
        nasty messages
        mean messages
        horrible messages
        messages on snapchat
        group chat
        threatening messages
        threatening to share
        share nudes
        nude images
        sextortion
        online blackmail
        blackmail
        online abuse
        online harassment
        catfish
        gaming all day
        on phone all night
        phone all the time
        screen addiction
        internet addiction
        fortnite
        roblox
        youtube
        online predator
        age inappropriate
        inappropriate content
        porn
        friendship problems
        no friends
        falling out with friends
        bullying
        bullied
        bully
        bullies
        buling
        bulied
        bulling
        cyberbullying
        cyber bullying
        cyberbullied
        online bullying
        picked on
        being picked on
        teased
        name calling
        called names
        left out
        online safety
        internet safety
        safe online
        staying safe online
        e safety
        esafety
        social media
        screen time
        gaming addiction
        addicted to gaming
        too much time on phone
        phone addiction
        addicted to phone
        online gaming
        sexting
        nudes
        sharing nudes
        sent nudes
        nude pictures
        nude photos
        inappropriate images
        stranger online
        talking to strangers online
        trolled
        trolling
        racist bullying
        homophobic bullying
        hate crime
        cyberbulling
        cyber bulling
        being mean to {child}
        mean girls
        excluded by friends
        left out by friends
        nobody plays with {child}
        no one plays with {child}
        no one to play with
        alone at lunch
        eats lunch alone
        no friends at school
        lonely at school
        friendship issues
        friendship group
        fell out with friends
        fell out with mates
        friends turned on {child}
        ganged up on
        beaten up at school
        got beaten up
        got jumped
        hit at school
        kids hitting {child}
        harassed at school
        threatened at school
        intimidated
        taunted
        tormented
        laughed at
        making fun of
        made fun of
        mocked
        humiliated
        called fat
        called ugly
        called gay
        racist comments
        racist abuse
        racism at school
        transphobic bullying
        bullied for being gay
        peer on peer abuse
        child on child abuse
        peer abuse
        video of {child} posted
        posted video of
        fight video
        filmed fight
        pictures posted
        fake account
        fake profile
        impersonating
        account hacked
        hacked
        deepfake
        nudes leaked
        pictures leaked
        threatening to post
        threatening to leak
        send nudes
        asked for nudes
        asked for pics
        asking for pictures
        sent pics
        naked pictures
        naked photos
        naked selfie
        explicit images
        intimate images
        CEOP
        report to CEOP
        report remove
        snapchat
        tiktok
        instagram
        whatsapp
        whatsapp group
        discord
        xbox
        playstation
        addicted to xbox
        addicted to fortnite
        addicted to tiktok
        addicted to screens
        gaming all night
        up all night gaming
        screentime
        too much screen
        on screens all day
        ipad all day
        tablet all day
        ipad addiction
        take phone away
        kicks off when phone taken
        age rating
        PEGI
        GTA
        violent games
        inappropriate games
        watching porn
        looking at porn
        found porn
        inappropriate websites
        inappropriate videos
        scary videos
        keeping {child} safe online
        online dangers
        online risks
        family link
        first phone
        glued to phone
        glued to screen
        always on phone
        on phone all day
        {child} addicted to gaming
        {child} addicted to phone
        {child} addicted to xbox
        {child} addicted to screens
        """),
    "Parents' drug and alcohol use": _phrases("""
        drug abuse
        alcohol abuse
        substance abuse
        i use drugs
        i take drugs
        i am an alcoholic
        i drink every day
        drinking every day
        hidden harm
        drug and alcohol service
        drug and alcohol recovery
        alcohol service
        drug service
        family members of drinkers
        {parent} drinks too much
        {parent} has a drink problem
        {parent} has a drug problem
        {parent} smokes weed
        {parent} uses cocaine
        alcohol
        alcoholic
        alcoholism
        drinking
        drink problem
        drinking problem
        drinks too much
        drink too much
        drinking too much
        drugs
        drug
        drug use
        drug problem
        drug misuse
        substance misuse
        substance use
        addiction
        addicted
        cocaine
        heroin
        crack
        cannabis
        weed
        recovery
        rehab
        detox
        methadone
        AA
        alcoholics anonymous
        {parent} drinks
        {parent} drinking
        {parent} is drinking
        {parent} on drugs
        {parent} takes drugs
        {parent} uses drugs
        {parent} using drugs
        {parent} alcoholic
        {parent} is an alcoholic
        i drink too much
        parent drinking
        parents drinking
        parental substance misuse
        hidden harm
        i smoke weed
        i smoke cannabis
        i use cocaine
        i take cocaine
        i do coke
        drink every night
        i drink every night
        wine every night
        bottle of wine a night
        bottle a night
        functioning alcoholic
        relapse
        in recovery
        sober
        sobriety
        stop drinking
        quit drinking
        cut down drinking
        cut down on drinking
        give up drinking
        stop using drugs
        {parent} drunk
        {parent} always drunk
        {parent} drunk all the time
        {parent} on crack
        {parent} smokes crack
        {parent} high
        {parent} off head
        {parent} off her face
        {parent} using again
        {parent} relapsed
        {parent} does coke
        {parent} on coke
        {parent} sniffing
        {parent} snorting
        {parent} smells of weed
        {parent} addict
        {parent} is an addict
        addict parent
        alcoholic parent
        children of alcoholics
        children of alcoholic parents
        COAP
        narcotics anonymous
        al anon
        alanon
        adfam
        nacoa
        SMART recovery
        CGL
        change grow live
        turning point
        humankind
        WDP
        methadone script
        subutex
        buprenorphine
        opiate substitution
        needle exchange
        injecting
        addicted to painkillers
        painkiller addiction
        codeine addiction
        benzos
        pregabalin
        tramadol
        drinking while pregnant
        drinking in pregnancy
        drugs in pregnancy
        using while pregnant
        family member drinking
        loved one drinking
        loved one addiction
        someone else's drinking
        affected by someone's drinking
        i'm an alcoholic
        im an alcoholic
        """),
    "Young people's drug and alcohol use": _phrases("""
        drug abuse
        alcohol abuse
        substance abuse
        teen drug service
        young persons drug service
        YP substance misuse
        young people substance misuse
        teenager drinking
        {child} drunk
        caught {child} drunk
        came home drunk
        drunk
        {child} addicted
        i think i am addicted
        i am addicted
        addicted to
        vaping at school
        weed smoking
        smoking cannabis
        edibles
        MDMA
        ecstasy
        alcohol
        drinking
        drugs
        drug
        drug use
        substance misuse
        cannabis
        weed
        addiction
        teen drinking
        teenage drinking
        teenager drinking
        underage drinking
        young people drugs
        young person drugs
        youth drug service
        teenager on drugs
        teenager smoking weed
        teen smoking weed
        {child} drinking
        {child} drinks
        {child} on drugs
        {child} smoking weed
        {child} smokes weed
        {child} using drugs
        {child} takes drugs
        {child} smoking cannabis
        smoking weed
        smokes weed
        vaping
        vape
        vapes
        nitrous oxide
        laughing gas
        NOS
        nitrous
        KET
        ketamine
        legal highs
        spice
        smells of weed
        smells like weed
        stinks of weed
        room smells of weed
        came home high
        comes home high
        came home stoned
        stoned
        high all the time
        always high
        bloodshot eyes
        off his head
        off his face
        out of it
        {child} high
        {child} stoned
        {child} off head
        {child} does coke
        {child} on coke
        {child} taking coke
        {child} smoking
        teen smoking
        underage smoking
        cigarettes
        found weed
        found weed in room
        found drugs
        found drugs in room
        found vape
        found a grinder
        grinder
        rizla
        bong
        little bags
        baggies
        canisters
        nitrous canisters
        silver canisters
        THC
        THC vape
        xanax
        xans
        shrooms
        magic mushrooms
        pingers
        LSD
        coke
        got drunk
        drinking at parties
        drunk at party
        drinking in park
        drinking with friends
        alcohol poisoning
        passed out drunk
        stomach pumped
        addicted to vaping
        vape addiction
        elf bar
        elfbar
        canabis
        cannibis
        caught with weed
        caught with drugs
        caught smoking weed
        talk to frank
        drug education
        drugs awareness
        talk to {child} about drugs
        young people's drug worker
        """),
    "Money and debt advice": _phrases("""
        debt help
        money worries
        cannot pay council tax
        behind on bills
        behind with bills
        behind on payments
        in arrears
        utility debt
        energy debt
        overdraft
        buy now pay later
        klarna
        court summons for debt
        CCJ
        debt relief order
        bankruptcy
        money management
        manage money
        cash
        need money
        need some money
        financial support
        grant
        grants
        emergency money
        money
        money advice
        money problems
        money worries
        money help
        debt
        debts
        in debt
        debt advice
        owe money
        bills
        cannot pay bills
        cannot pay
        cannot afford
        struggling financially
        struggling with money
        struggling with bills
        bailiffs
        council tax arrears
        arrears
        loan
        loan shark
        payday loan
        credit card
        budgeting
        budget
        financial advice
        financial help
        citizens advice
        stepchange
        gambling
        broke
        skint
        no money
        run out of money
        ran out of money
        brassic
        potless
        strapped for cash
        short of money
        tight for money
        money is tight
        no money left
        nothing left after bills
        struggling to pay
        make ends meet
        struggling to make ends meet
        living on overdraft
        maxed out
        maxed out cards
        debt collectors
        debt collection
        county court judgment
        court letters
        enforcement agents
        bailifs
        bailiffs at door
        final demand
        final notice
        red letters
        letters about debt
        council tax debt
        water bill arrears
        water debt
        catalogue debt
        BNPL
        clearpay
        doorstep lender
        doorstep loans
        borrowed money
        credit union
        debt management plan
        DMP
        IVA
        individual voluntary arrangement
        DRO
        breathing space
        debt respite
        national debtline
        debtline
        christians against poverty
        money mentor
        money coach
        money guidance
        financial wellbeing
        financial inclusion
        moneyhelper
        money helper
        budget planner
        how to budget
        gambling addiction
        gambling debt
        betting
        online gambling
        gamcare
        {parent} gambling
        debt problems
        debt worries
        financial difficulty
        financial hardship
        financial crisis
        money crisis
        money stress
        stressed about money
        worried about money
        money anxiety
        scammed
        fraud
        no bank account
        can not open bank account
        mortgage arrears
        behind on mortgage
        can not pay mortgage
        owe council tax
        council tax bailiffs
        """),
    "Benefits and cost of living": _phrases("""
        UC payment
        universal credit not come through
        universal credit delay
        advance payment
        benefit cap
        bedroom tax
        two child limit
        PIP appeal
        DLA for children
        mandatory reconsideration
        benefits calculator
        entitled to
        what am i entitled to
        financial help
        cost of living payment
        price rises
        cannot afford to heat
        cold house
        prepayment meter
        top up meter
        free school uniform
        school costs
        help with school costs
        free travel
        bus pass
        benefits
        benefit
        universal credit
        UC
        child benefit
        PIP
        DLA
        disability living allowance
        carers allowance
        ESA
        JSA
        tax credits
        benefit check
        benefits check
        benefits advice
        cost of living
        energy bills
        gas bill
        electric bill
        electricity bill
        heating
        cannot afford heating
        fuel poverty
        warm space
        warm spaces
        warm hub
        household support fund
        hardship fund
        hardship
        crisis payment
        emergency payment
        free school meals
        FSM
        school uniform grant
        uniform grant
        help with bills
        sanctioned
        sanction
        council tax reduction
        council tax support
        council tax
        low income
        help with costs
        univeral credit
        universial credit
        benifits
        claim universal credit
        apply for universal credit
        universal credit claim
        UC claim
        UC journal
        UC advance
        UC sanction
        UC deductions
        deductions from UC
        overpayment
        DWP
        DWP debt
        DWP letter
        managed migration
        migration notice
        moving to universal credit
        tax credits ending
        legacy benefits
        work capability assessment
        WCA
        LCWRA
        fit note
        UC50
        PIP assessment
        PIP form
        PIP refused
        attendance allowance
        carers credit
        child tax credit
        working tax credit
        pension credit
        housing element
        LHA
        local housing allowance
        DHP
        discretionary housing payment
        maternity allowance
        maternity pay
        SMP
        sure start maternity grant
        SSMG
        guardians allowance
        pregnant on benefits
        pregnant on universal credit
        benefits stopped
        universal credit stopped
        UC not paid
        not been paid
        payment delayed
        crisis loan
        budgeting loan
        budgeting advance
        local welfare assistance
        local welfare provision
        emergency support scheme
        discretionary fund
        on benefits
        on UC
        low income families
        in work poverty
        poverty
        child poverty
        welfare rights
        welfare benefits
        benefits adviser
        turn2us
        entitledto
        free school dinners
        school dinners
        school meals
        dinner money
        pupil premium
        school trips
        can not afford school trip
        help with uniform
        prices going up
        bills going up
        everything is so expensive
        heat or eat
        warm home discount
        boiler grant
        insulation grant
        social tariff
        cheap broadband
        free wifi
        data bank
        free sim
        national databank
        free laptop
        bus fare
        travel costs
        free prescriptions
        prescription charges
        HC2
        low income scheme
        no gas
        no electric
        gas ran out
        electric ran out
        can not top up
        emergency credit
        fuel bank
        single parent benefits
        gas run out
        electric run out
        """),
    "Employment and skills": _phrases("""
        get back into work
        back into work
        getting back to work
        return to work after kids
        stay at home mum
        stay at home parent
        work coach
        job coach
        employment support
        employability
        apprenticeship for adults
        retraining
        career change
        part time work
        part time job
        flexible work
        work around school hours
        childcare to work
        confidence to work
        lost job
        no job
        jobless
        functional skills
        english and maths for adults
        learn to drive
        job
        jobs
        find work
        finding work
        find a job
        finding a job
        looking for work
        looking for a job
        job hunting
        unemployed
        unemployment
        out of work
        lost my job
        redundant
        redundancy
        CV
        CV help
        interview
        interviews
        job interview
        jobcentre
        job centre
        training
        courses for adults
        adult learning
        adult education
        ESOL
        english classes
        learn english
        english lessons
        skills
        qualifications
        back to work
        return to work
        going back to work
        volunteering
        digital skills
        computer skills
        employment
        want to work
        want a job
        need a job
        back to work after maternity
        returning to work after baby
        going back to work after baby
        after maternity leave
        career break
        gap in CV
        out of work for years
        not worked for years
        never worked
        long term unemployed
        single parent jobs
        jobs for mums
        school hours jobs
        jobs in school hours
        term time only jobs
        term time job
        evening work
        work from home
        working from home jobs
        sacked
        got sacked
        fired
        got fired
        made redundant
        zero hours
        zero hour contract
        low pay
        minimum wage
        employment rights
        employment tribunal
        ACAS
        discrimination at work
        pregnant at work
        maternity discrimination
        flexible working request
        self employed
        start a business
        business start up
        learn to read and write
        literacy
        numeracy
        adult literacy
        maths course
        GCSE for adults
        adult gcse
        access course
        access to HE
        free courses
        free training
        skills bootcamp
        bootcamp
        IT course
        computer course
        job club
        work club
        restart scheme
        connect to work
        work and health programme
        IPS
        access to work
        CSCS card
        SIA licence
        driving lessons
        interview clothes
        clothes for interview
        barriers to work
        work ready
        back to work after having {child}
        work after having {child}
        """),
    "Housing and homelessness": _phrases("""
        section 21 notice
        no fault eviction
        landlord evicting
        landlord selling
        landlord wants us out
        asked to leave
        told to leave
        thrown out by {parent}
        kicked out by {parent}
        {parent} kicked me out
        homeless with kids
        homeless with children
        about to be homeless
        at risk of homelessness
        homeless prevention
        housing options
        housing advice
        housing help
        need a house
        need a bigger house
        need somewhere to live
        somewhere to live
        moving out
        sofa surf
        living with friends
        staying with friends
        rent increase
        cannot afford rent
        housing benefit
        bidding for a house
        council housing
        housing officer
        housing
        homeless
        homelessness
        evicted
        evicting
        eviction
        evection
        facing eviction
        eviction notice
        kicked out
        thrown out
        chucked out
        kicked out of home
        nowhere to live
        nowhere to stay
        nowhere to sleep
        sofa surfing
        rough sleeping
        sleeping rough
        temporary accommodation
        emergency accommodation
        bed and breakfast
        hostel
        section 21
        section 8
        notice to quit
        landlord
        landlord problems
        rent
        rent arrears
        cannot pay rent
        damp
        mould
        mold
        repairs
        overcrowded
        overcrowding
        council house
        council flat
        housing register
        housing list
        social housing
        housing association
        tenancy
        losing my home
        lost my home
        no fixed abode
        S21
        sec 21
        got a section 21
        no fault
        served notice
        landlord served notice
        landlord gave notice
        given notice
        notice from landlord
        two months notice
        possession order
        possession hearing
        eviction date
        illegal eviction
        landlord harassment
        landlord changed locks
        locked out
        landlord will not fix
        landlord will not do repairs
        disrepair
        housing disrepair
        environmental health
        black mould
        condensation
        leaking roof
        rats
        mice
        cockroaches
        infestation
        pest control
        broken boiler
        poor housing
        housing conditions
        cramped
        house too small
        flat too small
        sharing a bedroom
        {child} sharing room
        couch surfing
        sofa surfer
        staying on mates sofa
        staying on friends sofa
        sleeping on friends sofa
        sleeping in car
        living in car
        living on streets
        sleeping on streets
        street homeless
        homless
        homelesness
        homeless team
        housing team
        housing solutions
        housing needs
        housing department
        homeless application
        homeless duty
        relief duty
        prevention duty
        personal housing plan
        intentionally homeless
        priority need
        section 184
        section 202 review
        homeless review
        shelter
        night shelter
        need to move
        need to move house
        moving house
        house swap
        mutual exchange
        homeswapper
        housing transfer
        choice based lettings
        CBL
        housing band
        banding
        housing priority
        medical priority
        council waiting list
        waiting list for house
        council property
        council home
        private rented
        private landlord
        renting privately
        letting agent
        deposit
        rent deposit
        deposit scheme
        bond scheme
        rent in advance
        no guarantor
        no DSS
        landlords will not take benefits
        can not find a house
        can not find anywhere to rent
        nowhere to rent
        rent gone up
        rent too high
        behind on rent
        behind with rent
        mortgage arrears
        behind on mortgage
        repossession
        house repossessed
        HMO
        bedsit
        hidden homeless
        {parent} threw me out
        {parent} chucked me out
        {parent} told me to leave
        can not live at home anymore
        16 and homeless
        17 and homeless
        homeless at 16
        homeless at 17
        homeless teenager
        youth homelessness
        young homeless
        supported lodgings
        supported housing
        supported accommodation
        foyer
        YMCA
        DHP
        discretionary housing payment
        noisy neighbours
        neighbour dispute
        problem neighbours
        accomodation
        temporary accomodation
        emergency accomodation
        living in TA
        in TA
        sleeping on sofa
        homeless hotel
        family hostel
        homeless hostel
        temp accommodation
        temporary housing
        emergency housing
        interim accommodation
        in temp
        council put us in hotel
        water leak
        roof leaking
        """),
    "Food and essentials": _phrases("""
        nothing in for tea
        nothing for tea
        nothing to eat
        no food in
        food for the kids
        feed my kids
        feed the kids
        feed my family
        cannot feed
        free food
        cheap food
        food help
        hot meal
        meals
        breakfast
        school holidays food
        holiday hunger
        free holiday club with lunch
        baby items
        second hand baby
        bedding
        beds
        white goods
        cooker
        washing machine
        fridge
        winter coat
        coats
        shoes
        sanitary towels
        hygiene products
        toothbrush
        hygiene
        food
        food bank
        foodbank
        food banks
        food parcel
        food voucher
        food vouchers
        hungry
        no food
        cannot afford food
        nappies
        nappy
        diapers
        baby clothes
        clothes
        clothing
        school uniform
        uniform
        furniture
        cot
        pram
        buggy
        car seat
        baby equipment
        baby bank
        essentials
        toiletries
        period products
        sanitary products
        free meals
        community fridge
        community kitchen
        pantry
        social supermarket
        fuel voucher
        energy voucher
        holiday food
        free lunch
        emergency food
        no food in house
        no food in cupboards
        empty cupboards
        cupboards are empty
        fridge is empty
        empty fridge
        {child} going hungry
        going without food
        going without meals
        skipping meals
        not eaten today
        have not eaten
        starving
        nothing for dinner
        can not afford to feed
        food poverty
        food insecurity
        food support
        food club
        community pantry
        community shop
        cheap food shop
        affordable food
        low cost food
        surplus food
        pay as you feel
        free breakfast
        soup kitchen
        free hot meals
        lunch club
        community meal
        community cafe
        trussell trust
        trussell
        food bank referral
        nappy bank
        can not afford nappies
        baby wipes
        wipes
        moses basket
        cot bed
        highchair
        high chair
        baby bath
        baby stuff
        baby things
        stuff for baby
        things for baby
        can not afford baby things
        baby basics
        no bed
        need a bed
        bed for {child}
        {child} sleeping on floor
        sleeping on floor
        mattress
        bunk beds
        sofa
        carpet
        curtains
        blankets
        duvet
        heater
        oven
        microwave
        kettle
        pots and pans
        household items
        household goods
        essential items
        furniture bank
        furniture project
        reuse centre
        free furniture
        second hand furniture
        starter pack
        home starter pack
        setting up home
        empty flat
        school shoes
        kids clothes
        childrens clothes
        clothes bank
        uniform bank
        uniform swap
        preloved uniform
        uniform exchange
        warm clothes
        shoes for {child}
        period poverty
        pads
        tampons
        shampoo
        soap
        toilet roll
        toilet paper
        deodorant
        washing powder
        cleaning products
        christmas presents
        presents for {child}
        toy appeal
        christmas appeal
        christmas hamper
        hamper
        can not afford christmas
        christmas help
        no gas
        no electric
        gas ran out
        electric ran out
        can not top up
        emergency credit
        fuel bank
        nothing in cupboards
        nothing in fridge
        no food for {child}
        gas run out
        electric run out
        """),
    "Young carers": _phrases("""
        cooking and cleaning
        i do all the cooking
        i look after {parent}
        i care for {parent}
        {parent} ill
        {parent} is poorly
        {parent} has MS
        {parent} mental illness
        {parent} in a wheelchair
        young carers assessment
        carers assessment for {child}
        caring responsibilities
        caring at home
        looking after {parent} and {sibling}
        young carer
        young carers
        young adult carer
        caring for {parent}
        care for {parent}
        look after {parent}
        looking after {parent}
        carer for {parent}
        caring for {sibling}
        look after {sibling}
        looking after {sibling}
        i am a carer
        help {parent} at home
        {parent} is ill
        {parent} is disabled
        {parent} is sick
        {parent} has cancer
        {sibling} is disabled
        YC
        YCs
        young carer card
        young carer ID
        young carers project
        young carers group
        young carer at school
        missing school to care
        caring affects school
        i do everything at home
        i do the shopping
        i do all the housework
        i do the washing
        i give {parent} tablets
        give {parent} medication
        help {parent} wash
        help {parent} get dressed
        i care for {sibling}
        i look after {sibling}
        {parent} in bed all day
        {parent} stays in bed
        {parent} in hospital
        {parent} has dementia
        {parent} had a stroke
        {parent} has epilepsy
        {parent} has fibromyalgia
        {parent} has ME
        {parent} has long covid
        {parent} has chronic illness
        {parent} chronic pain
        {parent} can not walk
        {parent} is blind
        {parent} is deaf
        poorly {parent}
        ill {parent}
        sick {parent}
        {sibling} has autism
        {sibling} is autistic
        {sibling} has ADHD
        {sibling} has special needs
        {sibling} has disabilities
        {sibling} disabled
        siblings of disabled children
        sibling support
        siblings group
        """),
    "Bereavement": _phrases("""
        terminally
        dying
        {parent} dying
        {someone} is dying
        {someone} has died
        {someone} is terminally ill
        preparing {child} for death
        preparing for death
        bereavement counselling
        bereavement support
        grief counselling
        grief support
        since {someone} died
        since {someone} passed
        death of {someone}
        losing {someone}
        memorial
        after a death
        sudden loss
        bereavement
        bereaved
        grief
        grieving
        died
        death
        dead
        dying
        passed away
        passed
        loss
        lost {someone}
        someone died
        {someone} died
        {someone} passed
        {someone} passed away
        funeral
        funeral costs
        baby loss
        lost baby
        lost a baby
        miscarriage
        stillbirth
        stillborn
        still born
        neonatal death
        suicide bereavement
        bereaved by suicide
        widow
        widowed
        widower
        terminal illness
        terminally ill
        end of life
        child bereavement
        past away
        passed on
        {someone} was killed
        killed in accident
        car crash
        died suddenly
        sudden death
        unexpected death
        murdered
        homicide
        {someone} killed himself
        {someone} killed herself
        took his own life
        lost to suicide
        suicide loss
        survivors of bereavement by suicide
        cot death
        SUDI
        miscarried
        lost pregnancy
        pregnancy loss
        ectopic
        ectopic pregnancy
        TFMR
        termination for medical reasons
        SANDS
        greif
        greiving
        berevement
        how to tell {child} about death
        explain death to {child}
        telling {child} someone died
        {child} grieving
        {child} misses {parent}
        anniversary of death
        first christmas without
        memory box
        winstons wish
        grief encounter
        child bereavement uk
        cruse
        cruse bereavement
        marie curie
        hospice
        palliative
        palliative care
        terminal cancer
        {someone} has terminal cancer
        months to live
        weeks to live
        not long left
        terminal diagnosis
        funeral payment
        funeral expenses
        can not afford funeral
        paupers funeral
        public health funeral
        bereavement support payment
        widowed parent
        widowed mum
        widowed dad
        """),
    "Refugee and asylum-seeking families": _phrases("""
        eritrea
        eritrean
        sudan
        sudanese
        syria
        afghanistan
        iran
        iranian
        iraq
        iraqi
        kurdish
        somalia
        somali
        yemen
        ethiopia
        ethiopian
        albania
        albanian
        hong kong
        came to the uk
        came here from
        moved to the uk
        new to england
        english is not good
        not good english
        little english
        speak english
        no recourse
        asylum hotel
        hotel accommodation asylum
        section 95
        section 4 support
        BRP
        refugee status
        granted refugee status
        newly arrived
        arrived from
        fled
        fleeing war
        war
        family reunion
        ESOL for refugees
        english for refugees
        no english
        do not speak english
        speak little english
        translator
        refugee support
        refugee
        refugees
        asylum
        asylum seeker
        asylum seekers
        asylum seeking
        seeking asylum
        immigration
        immigration advice
        visa
        no recourse to public funds
        NRPF
        home office
        ukrainian
        ukraine
        afghan
        syrian
        new to the uk
        new to the country
        arrived in the uk
        just arrived
        migrant
        migrants
        unaccompanied
        UASC
        leave to remain
        settled status
        interpreter
        claiming asylum
        asylum claim
        asylum interview
        asylum refused
        refused asylum
        appeal rights exhausted
        destitute
        no recourse
        biometric
        eVisa
        e visa
        UKVI
        share code
        ARC card
        aspen card
        migrant help
        initial accommodation
        dispersal accommodation
        asylum accommodation
        mears
        serco
        clearsprings
        move on period
        28 days notice to leave
        positive decision
        got status
        got refugee status
        indefinite leave
        ILR
        limited leave
        homes for ukraine
        ukraine scheme
        ukraine family scheme
        afghan resettlement
        ARAP
        ACRS
        resettlement
        UKRS
        hong kong
        BNO
        fled war
        escaped war
        war zone
        persecution
        small boat
        came by boat
        unaccompanied child
        unaccompanied minor
        age assessment
        age dispute
        english is not my first language
        interpretor
        translate letters
        assylum
        asylem
        immigration status
        undocumented
        no papers
        no visa
        visa expired
        overstayer
        immigration lawyer
        immigration solicitor
        EUSS
        EU settlement scheme
        new to england
        moved to uk
        came to uk
        recently arrived
        new arrivals
        city of sanctuary
        """),
    "Youth clubs and activities": _phrases("""
        somewhere to go
        place to go
        places to go
        where can {child} go
        after school
        evenings
        things for {child} to do
        for {child} to do
        things for teenagers
        stuff to do
        fun things
        free activities
        free things to do
        youth activities
        young people activities
        teen club
        kids club
        weekend activities
        saturday club
        holiday scheme
        summer scheme
        summer camp
        basketball
        boxing club
        gym for teenagers
        art club
        coding club
        homework club
        girls group
        boys group
        LGBT youth group
        youth club
        youth clubs
        youth centre
        youth center
        youth group
        youth worker
        youth service
        things to do
        something to do
        activities
        activities for teenagers
        activities for kids
        holiday activities
        holiday club
        holiday clubs
        summer holidays
        summer activities
        half term
        after school activities
        clubs
        club
        sports club
        sport
        sports
        football
        dance
        drama
        music
        arts and crafts
        scouts
        guides
        cadets
        duke of edinburgh
        DOFE
        bored
        nothing to do
        hang out
        play scheme
        playscheme
        adventure playground
        trips
        HAF
        nothing for {child} to do
        nothing for teenagers to do
        somewhere for {child} to go
        get {child} out of house
        get {child} off screens
        get {child} out more
        make friends
        make new friends
        meet other kids
        youth provision
        open access youth
        detached youth work
        detached youth worker
        youth outreach
        NCS
        national citizen service
        sea cadets
        air cadets
        army cadets
        brownies
        rainbows
        beavers
        cubs
        explorers
        st john ambulance
        boys brigade
        girls brigade
        youth theatre
        youth choir
        youth orchestra
        youth council
        youth parliament
        young leaders
        youth volunteering
        skatepark
        skate park
        BMX
        climbing
        bouldering
        trampolining
        trampoline park
        martial arts
        karate
        judo
        taekwondo
        kickboxing
        gymnastics
        cheerleading
        netball
        rugby
        cricket
        tennis
        athletics
        running club
        junior parkrun
        parkrun
        cycling
        fishing
        horse riding
        forest school
        outdoor activities
        camping
        residential trip
        day trips
        music lessons
        guitar lessons
        singing
        choir
        recording studio
        DJ
        DJing
        music production
        art classes
        crafts
        photography
        film making
        gaming club
        esports
        lego club
        chess club
        science club
        book club
        easter holidays
        easter activities
        holiday camp
        summer club
        girls only
        boys only
        girls club
        young women's group
        young men's group
        LGBTQ youth group
        queer youth group
        hobbies
        new hobby
        extra curricular
        extracurricular
        mentor
        youth mentor
        """),
    "Disabled children and young people": _phrases("""
        disabled childrens team
        children with disabilities team
        CWD
        CWD team
        disabled children social work
        social worker for disabled child
        short breaks for disabled children
        respite for parents
        respite for disabled child
        break from caring
        carers break
        direct payments for {child}
        disabled {child}
        {child} is disabled
        {child} has a disability
        {child} in a wheelchair
        special needs activities
        SEN activities
        disability benefits for {child}
        disabled facilities grant
        adapted
        sensory room
        specialist equipment
        continence
        nappies for older child
        personal care
        disabled
        disability
        disabilities
        disabled child
        disabled children
        child with disabilities
        child with a disability
        short breaks
        short break
        respite
        respite care
        wheelchair
        wheelchair user
        physical disability
        complex needs
        complex health needs
        cerebral palsy
        down syndrome
        downs syndrome
        deaf
        hearing impairment
        hearing loss
        blind
        visual impairment
        sight loss
        epilepsy
        life limiting
        life limiting condition
        aiming high
        inclusive activities
        accessible activities
        direct payments
        occupational therapy
        adaptations
        equipment
        parent carer
        parent carer assessment
        parent carers needs assessment
        carers assessment for parents
        carer for {child}
        caring for disabled child
        caring for {child} with disabilities
        full time carer for {child}
        sitting service
        befriending
        overnight respite
        respite nights
        overnight short breaks
        short breaks assessment
        short breaks statement
        personal budget
        personal assistant
        SEN holiday club
        disabled holiday club
        inclusive holiday club
        disabled kids club
        SEND youth club
        spina bifida
        muscular dystrophy
        DMD
        SMA
        cystic fibrosis
        genetic condition
        rare disease
        rare condition
        syndrome
        chromosome disorder
        chromosomal
        22q
        fragile x
        angelman
        rett syndrome
        williams syndrome
        prader willi
        brain injury
        acquired brain injury
        hydrocephalus
        PMLD
        profound and multiple
        non mobile
        tube fed
        peg fed
        feeding tube
        NG tube
        gastrostomy
        on oxygen
        ventilator
        tracheostomy
        childrens hospice
        medical needs
        complex medical needs
        continuing care
        CCN
        childrens community nursing
        hard of hearing
        hearing aids
        cochlear implant
        BSL
        sign language
        teacher of the deaf
        partially sighted
        registered blind
        QTVI
        wheelchair services
        mobility
        mobility aids
        walking frame
        standing frame
        special needs buggy
        major buggy
        adapted car
        wheelchair accessible
        hoist
        changing places
        changing places toilet
        accessible toilet
        radar key
        blue badge
        motability
        disabled parking
        home adaptations
        OT assessment
        OT
        DFG
        ramp
        stairlift
        through floor lift
        wet room
        downstairs bedroom
        incontinence
        incontinence pads
        continence service
        continence products
        mencap
        contact a family
        family fund
        family fund grant
        disabilty
        dissabled
        disabeled
        hospital appointments
        chronic illness
        long term condition
        long term illness
        seriously ill child
        serious illness
        """),
}

CIRCUMSTANCE_WORDS: dict[str, list[str]] = {
    "Young carers": NEED_WORDS["Young carers"],
    "Care leavers": _phrases("""
        care leaver
        care leavers
        leaving care
        left care
        been in care
        was in care
        grew up in care
        looked after child
        looked after children
        foster care
        fostered
        foster
        personal adviser
        pathway plan
        staying put
        care experienced
        care experience
        left foster care
        leaving foster care
        grew up in foster care
        in care as a child
        was looked after
        LAC
        CLA
        CIC
        children in care
        child in care
        18 and leaving care
        ageing out of care
        turned 18 in care
        personal advisor
        leaving care team
        leaving care service
        aftercare
        after care
        care leaver bursary
        setting up home allowance
        leaving care grant
        staying close
        care leavers covenant
        local offer for care leavers
        council tax exemption care leaver
        semi independent
        semi independent living
        childrens home
        residential care
        kids home
        virtual school
        PEP
        designated teacher
        """),
    "Teenage parents": _phrases("""
        teenage parent
        teenage parents
        teenage mum
        teen mum
        young mum
        young mother
        young parent
        young parents
        teenage dad
        young dad
        teenage pregnancy
        teen pregnancy
        pregnant teenager
        pregnant at 15
        pregnant at 16
        pregnant at 17
        family nurse partnership
        FNP
        pregnant at 13
        pregnant at 14
        pregnant at 18
        16 and pregnant
        15 and pregnant
        17 and pregnant
        14 and pregnant
        pregnant teen
        pregnant in school
        pregnant at school
        pregnant at college
        under 18 and pregnant
        pregnant under 18
        young mum to be
        young dad to be
        teen mom
        teen mam
        young mam
        teen parent
        teen dad
        teenage father
        young father
        young mums group
        young parents group
        family nurse
        care to learn
        13 and pregnant
        """),
    "Lone parents": _phrases("""
        single parent
        single parents
        single mum
        single mom
        single mother
        single dad
        single father
        lone parent
        lone parents
        on my own with the kids
        raising kids alone
        bringing up children on my own
        solo parent
        gingerbread
        single parent family
        single parent household
        single mam
        single mummy
        singel mum
        sole carer
        sole parent
        only parent
        solo mum
        solo dad
        raising {child} alone
        bringing up {child} alone
        bringing up {child} on my own
        doing it alone
        doing it all alone
        parenting alone
        parenting on my own
        no support from {parent}
        {parent} not involved
        {parent} not around
        absent father
        absent dad
        absent parent
        no dad around
        single parent benefits
        single parent jobs
        lone mum
        lone mother
        lone father
        lone dad
        """),
    "Families in temporary accommodation": _phrases("""
        temporary accommodation
        emergency accommodation
        bed and breakfast
        hostel
        living in a hotel
        living in one room
        homeless family
        homeless families
        temporary accomodation
        emergency accomodation
        in temp
        temp accommodation
        temporary housing
        temp housing
        temporary flat
        living in TA
        in TA
        council put us in hotel
        hotel room
        homeless hotel
        family hostel
        homeless hostel
        one room with {child}
        all in one room
        emergency housing
        interim accommodation
        nightly paid
        nightly let
        out of borough
        placed out of area
        moved out of area
        moved miles away
        far from school
        section 188
        shared kitchen
        shared bathroom
        shared facilities
        """),
    "Refugee and asylum-seeking families": NEED_WORDS["Refugee and asylum-seeking families"],
    "Kinship carers": NEED_WORDS["Kinship care"],
    "Children with a parent in prison": _phrases("""
        prison
        in prison
        parent in prison
        jail
        in jail
        locked up
        sent down
        prisoner
        prisoners
        prisoners families
        prison visit
        visiting prison
        on remand
        released from prison
        {parent} in prison
        {parent} in jail
        {parent} is in prison
        {parent} locked up
        {parent} sent down
        {parent} got sent down
        {parent} inside
        {parent} doing time
        doing time
        {parent} sentenced
        {parent} in custody
        {parent} banged up
        banged up
        behind bars
        {parent} released
        {parent} getting out
        {parent} coming out of prison
        {parent} coming out of jail
        {parent} on probation
        on probation
        probation
        on licence
        recalled to prison
        HMP
        prision
        visiting {parent} in prison
        {sibling} in prison
        {sibling} in jail
        POPS
        partners of prisoners
        PACT
        NEPACS
        children heard and seen
        prisoners families helpline
        """),
    "Armed forces families": _phrases("""
        armed forces
        forces family
        forces families
        military
        military family
        army
        navy
        RAF
        royal air force
        royal navy
        soldier
        service family
        service families
        veteran
        veterans
        deployed
        deployment
        service children
        service child
        service pupil premium
        SPP
        army family
        army wife
        navy wife
        RAF family
        military wife
        military spouse
        forces spouse
        posted abroad
        relocation
        moving bases
        barracks
        garrison
        on tour
        away on tour
        {parent} deployed
        {parent} in army
        {parent} in navy
        {parent} in RAF
        {parent} in military
        marines
        royal marines
        reservist
        ex forces
        ex military
        ex army
        service leaver
        leaving the army
        HIVE
        army families federation
        AFF
        NFF
        SSAFA
        royal british legion
        british legion
        help for heroes
        armed forces covenant
        veteran PTSD
        sailor
        airman
        """),
    "Gypsy, Roma and Traveller families": _phrases("""
        gypsy
        gypsies
        roma
        romany
        traveller
        travellers
        traveler
        travelers
        irish traveller
        GRT
        caravan
        gypsy roma traveller
        romanichal
        gipsy
        gyspy
        pavee
        new traveller
        showmen
        showman
        show people
        fairground
        circus
        boaters
        narrowboat
        live on a boat
        bargee
        van dweller
        living in a van
        vehicle dweller
        living in caravan
        travellers site
        gypsy site
        transit site
        roadside
        unauthorised encampment
        encampment
        friends families and travellers
        """),
    "Families with a disabled child": NEED_WORDS["Disabled children and young people"],
    "Dads and male carers": NEED_WORDS["Dads and male carers"],
}


def default_words(name: str, *, circumstance: bool = False) -> str:
    """The default list for a term name, one phrase a line, or "" for a name we do not know."""
    table = CIRCUMSTANCE_WORDS if circumstance else NEED_WORDS
    return "\n".join(table.get(name, []))
