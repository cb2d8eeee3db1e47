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
        worries
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
        my mental health
        my anxiety
        my depression
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
        """),
    "Domestic abuse": _phrases("""
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
        """),
    "Parents' drug and alcohol use": _phrases("""
        drug abuse
        alcohol abuse
        substance abuse
        my drug use
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
        my drinking
        i drink too much
        parent drinking
        parents drinking
        parental substance misuse
        hidden harm
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
        help {parent}
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
        """),
    "Refugee and asylum-seeking families": _phrases("""
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
        """),
    "Families with a disabled child": NEED_WORDS["Disabled children and young people"],
    "Dads and male carers": NEED_WORDS["Dads and male carers"],
}


def default_words(name: str, *, circumstance: bool = False) -> str:
    """The default list for a term name, one phrase a line, or "" for a name we do not know."""
    table = CIRCUMSTANCE_WORDS if circumstance else NEED_WORDS
    return "\n".join(table.get(name, []))
