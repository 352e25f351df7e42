"""Descriptions of the sample programme's sessions, in Arabic and French, by French title."""

# fmt: off
DESCRIPTIONS = {
    "Cérémonie officielle d'ouverture du salon": (
        "افتتاح رسمي للدورة الجديدة من المعرض الجهوي للاقتصاد الاجتماعي والتضامني بحضور منتخبي مجلس جهة الشرق والسلطات المحلية والشركاء المؤسساتيين ووفود الجهات الشريكة. وتعقب الكلمات الافتتاحية زيارة لقاعات العرض ووقوف عند أروقة التعاونيات والجمعيات القادمة من وجدة وبركان والناظور وفجيج ومن مختلف أقاليم الجهة، للتعرف على منتوجاتها المجالية وتجاربها.",
        "Ouverture officielle de la nouvelle édition du salon en présence des élus du Conseil de la Région de l'Oriental, des autorités locales, des partenaires institutionnels et des délégations des régions partenaires. Après les allocutions d'ouverture, les invités parcourent les halls et s'arrêtent aux stands des coopératives et associations venues d'Oujda, de Berkane, de Nador, de Figuig et de toutes les provinces de la région.",
    ),
    "L'entrepreneuriat collectif, levier du développement régional": (
        "تناقش أستاذة جامعية وممثل عن مكتب تنمية التعاون ومسؤول تعاونية لإنتاج زيت الزيتون ببركان ما تقدمه المقاولة الجماعية لخلق فرص الشغل وتثمين المنتوجات المجالية بجهة الشرق. وتتوجه هذه المائدة المستديرة إلى التعاونيات والجمعيات والمنتخبين، وتخلص إلى مقترحات عملية لتجميع الوسائل وتحسين الولوج إلى الأسواق.",
        "Une universitaire, un représentant de l'Office du développement de la coopération et le responsable d'une coopérative oléicole de Berkane débattent de ce que l'entrepreneuriat collectif apporte à l'emploi et à la valorisation des produits du terroir dans l'Oriental. Destinée aux coopératives, aux associations et aux élus, la table ronde dégage des pistes concrètes pour mutualiser les moyens et mieux accéder aux marchés.",
    ),
    "Les normes d'emballage des marchés européens": (
        "ما المواد والبيانات والأحجام التي يشترطها المشترون والتنظيم الأوروبي في تلفيف زيت الزيتون والعسل والتمور ومنتوجات الصبار؟ تستعرض هذه المحاضرة قواعد ملامسة المواد للأغذية والتتبع وإعادة التدوير. وتغادر التعاونيات التي تستعد لأول شحنة نحو الخارج بلائحة للنقط الواجب التحقق منها قبل طلب مواد التلفيف.",
        "Quels matériaux, quelles mentions et quels formats exigent les acheteurs et la réglementation européenne pour l'huile d'olive, le miel, les dattes ou les produits du figuier de Barbarie ? Cette conférence passe en revue les règles de contact alimentaire, de traçabilité et de recyclage. Les coopératives qui préparent un premier envoi repartent avec une liste de points à vérifier avant de commander leurs emballages.",
    ),
    "Atelier : l'étiquetage des produits alimentaires": (
        "ورشة تطبيقية حول البيانات الإجبارية على ملصقات المنتجات الغذائية بالمغرب: التسمية، ولائحة المكونات، ومسببات الحساسية، والوزن الصافي، وتاريخ انتهاء الصلاحية، ورقم الترخيص الصحي، وهوية التعاونية. يُرجى إحضار الملصق الحالي لأحد منتوجاتكم، إذ يصححه كل مشارك رفقة المؤطرة ويغادر بنموذج مطابق جاهز للطبع. التسجيل إجباري والمقاعد محدودة.",
        "Atelier pratique sur les mentions obligatoires d'une étiquette alimentaire au Maroc : dénomination, liste des ingrédients, allergènes, poids net, date limite, numéro d'autorisation sanitaire et identification de la coopérative. Apportez l'étiquette actuelle d'un de vos produits : chaque participant la corrige avec l'animatrice et repart avec un modèle conforme, prêt à transmettre à son imprimeur. Inscription obligatoire, places limitées.",
    ),
    "Coopératives féminines : des réussites": (
        "تستعرض مسؤولات عن تعاونيات نسائية بجهة الشرق كيف حولن مهاراتهن في فتل الكسكس يدويا وتثمين النباتات العطرية وإنتاج العسل والنسيج إلى نشاط مدر للدخل. ويتوقفن عند الصعوبات التي واجهنها، كالولوج إلى التمويل وتوزيع المهام والتنقل نحو الأسواق. وتغادر حاملات المشاريع بأمثلة ملموسة وبعلاقات داخل الشبكة الجهوية للتعاونيات النسائية.",
        "Des responsables de coopératives féminines de l'Oriental racontent comment elles ont fait de leur savoir-faire (couscous roulé à la main, plantes aromatiques, miel, tissage) une activité rentable. Elles reviennent sur les obstacles rencontrés : accès au financement, partage des tâches, déplacements vers les marchés. Les porteuses de projet repartent avec des exemples concrets et des contacts au sein du réseau régional des coopératives féminines.",
    ),
    "Financer une coopérative : les dispositifs": (
        "جولة في مصادر التمويل المتاحة للتعاونيات: دعم المبادرة الوطنية للتنمية البشرية، والبرامج الجهوية، والقروض الصغرى، والقروض البنكية المضمونة، ومساهمات الأعضاء. ويشرح المتدخل كيفية إعداد ملف متين والوثائق الواجب تحضيرها. وتُنصح بهذه المحاضرة التعاونيات حديثة التأسيس أو المقبلة على التجهيز، وتُختتم بحصة للأسئلة حول مشاريع المشاركين.",
        "Tour d'horizon des financements accessibles aux coopératives : subventions de l'Initiative nationale pour le développement humain, programmes régionaux, microcrédit, prêts bancaires garantis et apports des membres. L'intervenant explique comment monter un dossier solide et quelles pièces préparer. Conseillée aux coopératives en création ou en phase d'équipement, la conférence se termine par un temps de questions sur les projets des participants.",
    ),
    "Atelier : le dossier d'agrément sanitaire": (
        "يعدّ المشاركون خطوة بخطوة ملف طلب الترخيص أو الاعتماد الصحي لدى المكتب الوطني للسلامة الصحية للمنتجات الغذائية: تصميم المحل، ووصف طريقة التصنيع، والتحاليل، وممارسات النظافة الجيدة. يُرجى إحضار المعلومات المتعلقة بمحلكم ومنتوجاتكم من عسل وزيت زيتون وتمور ومربى التين الشوكي، لتغادروا بلائحة وثائق مكتملة وبجدول زمني للإجراءات. التسجيل إجباري.",
        "Pas à pas, les participants constituent le dossier de demande d'autorisation ou d'agrément sanitaire auprès de l'ONSSA : plan du local, description du procédé, analyses, bonnes pratiques d'hygiène. Venez avec les informations sur votre local et vos produits (miel, huile d'olive, dattes, confiture de figue de Barbarie) ; vous repartirez avec une liste des pièces complétée et un calendrier des démarches. Inscription obligatoire.",
    ),
    "Réunion de partenariat avec la région Occitanie": (
        "لقاء يجمع وفد جهة أوكسيتاني ومجلس جهة الشرق وفاعلي الاقتصاد الاجتماعي والتضامني من الضفتين. ويتناول حصيلة المبادلات المنجزة في إطار التعاون اللامركزي، والمشاريع الجارية في مجالي التكوين والتسويق، والخطوات المقبلة. واللقاء مفتوح في وجه التعاونيات والجمعيات الراغبة في إقامة شراكة مع هيئات من جهة أوكسيتاني.",
        "Rencontre entre la délégation de la région Occitanie, le Conseil de la Région de l'Oriental et les acteurs de l'ESS des deux rives. Au programme : le bilan des échanges engagés dans le cadre de la coopération décentralisée, les projets de formation et de commercialisation en cours et les prochaines étapes. Ouverte aux coopératives et associations intéressées par un partenariat avec des structures occitanes.",
    ),
    "Les jeunes et l'économie sociale": (
        "لماذا يختار عدد متزايد من الشباب حاملي الشهادات بجهة الشرق العمل التعاوني بدل الوظيفة المأجورة؟ تقدم هذه المحاضرة الصيغ القانونية الممكنة وبرامج المواكبة الموجهة للشباب، وأمثلة لتعاونيات شابة بوجدة والناظور وتاوريرت. ويغادر الطلبة والشباب حاملو المشاريع بعناوين حاضنات المشاريع وهيئات الدعم.",
        "Pourquoi de plus en plus de jeunes diplômés de l'Oriental choisissent-ils la coopérative plutôt que l'emploi salarié ? La conférence présente les statuts possibles, les programmes d'accompagnement destinés aux jeunes et des exemples de jeunes coopératives à Oujda, Nador et Taourirt. Les étudiants et jeunes porteurs de projet repartent avec les coordonnées d'incubateurs et de structures d'appui.",
    ),
    "Coopération Sud-Sud : ce que nous avons appris": (
        "يعرض ممثلو الجهات الإفريقية الشريكة حصيلة سنوات من المبادلات مع جهة الشرق: زيارات للتعاونيات، ودورات تكوينية مشتركة، ومشاركة متبادلة في المعارض. ويتناول النقاش ما نجح وما تعثر، وما ينبغي تغييره للانتقال من اللقاءات إلى المبادلات التجارية. وهي موجهة إلى التعاونيات والجمعيات والمنتخبين الراغبين في الانخراط في التعاون جنوب-جنوب.",
        "Des représentants des régions africaines partenaires partagent le bilan de plusieurs années d'échanges avec l'Oriental : visites de coopératives, formations croisées, participation réciproque aux salons. Ce qui a fonctionné, ce qui a buté, et ce qu'il faut changer pour passer des rencontres aux échanges commerciaux. Pour les coopératives, associations et élus qui souhaitent s'engager dans la coopération Sud-Sud.",
    ),
    "Atelier : la gestion financière d'une coopérative": (
        "ورشة موجهة إلى أمناء المال وأعضاء مجالس الإدارة: مسك سجل الصندوق، وتتبع المبيعات والمخزون، وحساب سعر التكلفة، وإعداد الحسابات السنوية لعرضها على الجمع العام. يُرجى إحضار آلة حاسبة أو هاتف، وإن أمكن أرقام أحد منتوجاتكم. ويغادر كل مشارك بجدول تتبع بسيط ملائم لتعاونيته.",
        "Atelier destiné aux trésoriers et aux membres des conseils d'administration : tenue du livre de caisse, suivi des ventes et des stocks, calcul du coût de revient, préparation des comptes annuels à présenter à l'assemblée générale. Apportez une calculatrice ou un téléphone et, si possible, les chiffres d'une de vos productions. Chacun repart avec un tableau de suivi simple, adapté à sa coopérative.",
    ),
    "Le commerce en ligne des produits coopératifs": (
        "منصات البيع الإلكتروني المغربية، والمتاجر على شبكات التواصل الاجتماعي، والأداء عند التسليم، والإرسال نحو المدن الكبرى: تقارن هذه المحاضرة الحلول المتاحة لتعاونية صغيرة وتكاليفها الحقيقية. وهي موجهة إلى التعاونيات التي تبيع في المعارض وتسعى إلى الوصول إلى زبنائها طيلة السنة. ويغادر المشاركون بخطوات واضحة لإطلاق البيع عبر الإنترنت.",
        "Plateformes marocaines de vente en ligne, boutique sur les réseaux sociaux, paiement à la livraison, expédition vers les grandes villes : la conférence compare les solutions accessibles à une petite coopérative et leurs coûts réels. Elle s'adresse aux coopératives qui vendent déjà sur les salons et veulent toucher leurs clients toute l'année. Les participants repartent avec une démarche claire pour lancer leur vente en ligne.",
    ),
    "Accéder aux marchés d'exportation": (
        "كيف تجد تعاونية من جهة الشرق أول زبنائها في أوروبا أو إفريقيا؟ يتناول ممثل عن الغرفة الفلاحية ومسؤولة عن شبكة للمقاولات التضامنية بجهة أوكسيتاني المعارض المهنية، والتجارة المنصفة، والمستوردين المتخصصين، والمواكبة من أجل التصدير. ويغادر المصدرون المبتدئون بتصور واضح للمراحل وللجهات التي ينبغي التواصل معها.",
        "Comment une coopérative de l'Oriental trouve-t-elle ses premiers acheteurs en Europe ou en Afrique ? Un représentant de la chambre d'agriculture et une responsable d'un réseau d'entreprises solidaires d'Occitanie abordent les salons professionnels, le commerce équitable, les importateurs spécialisés et l'accompagnement à l'export. Les exportateurs débutants repartent avec une idée claire des étapes et des interlocuteurs à solliciter.",
    ),
    "La gouvernance des coopératives": (
        "الجمع العام، ومجلس الإدارة، وسجل الأعضاء، وتوزيع الفائض: تذكّر هذه المحاضرة بالالتزامات التي ينص عليها القانون رقم 112.12 المتعلق بالتعاونيات، وبالممارسات الجيدة التي تجنب النزاعات الداخلية. وهي موجهة إلى الرؤساء وأعضاء المجالس والمنخرطين، وتقدم لهم المعالم الضرورية لعقد اجتماعات سليمة قانونيا وتقديم الحساب للأعضاء.",
        "Assemblée générale, conseil d'administration, registre des membres, répartition des excédents : la conférence rappelle les obligations prévues par la loi n° 112-12 relative aux coopératives et les bonnes pratiques qui évitent les conflits internes. Destinée aux présidents, aux membres des conseils et aux adhérents, elle donne les repères pour tenir des réunions en règle et rendre des comptes aux membres.",
    ),
    "Atelier : les documents d'export pas à pas": (
        "من الفاتورة الأولية إلى شهادة المنشأ، مرورا بالتصريح الجمركي والشهادة الصحية وشروط التسليم الدولية: يبين مختص من ميناء الناظور غرب المتوسط، انطلاقا من مثال شحنة لزيت الزيتون، الوثائق الواجب إعدادها وترتيبها. يُرجى إحضار أسئلتكم، وعرض أسعار للنقل إن توفر. ويغادر المشاركون بلائحة مراجعة قابلة لإعادة الاستعمال في كل شحنة.",
        "De la facture pro forma au certificat d'origine, en passant par la déclaration en douane, le certificat sanitaire et les Incoterms : un spécialiste du port de Nador West Med montre, sur l'exemple d'un envoi d'huile d'olive, quels documents préparer et dans quel ordre. Apportez vos questions et, si vous en avez un, un devis de transport. Vous repartirez avec une liste de contrôle réutilisable pour chaque envoi.",
    ),
    "L'autonomie des femmes en milieu rural": (
        "في دواوير جرادة وفجيج والدريوش، كثيرا ما تكون التعاونية أول مورد دخل خاص بالنساء. تبين هذه المحاضرة كيف يعزز محو الأمية والتكوين والولوج إلى الأسواق مكانة المرأة داخل الأسرة والجماعة، وما الصعوبات التي لا تزال قائمة. وهي موجهة إلى الجمعيات والتعاونيات النسائية والفاعلين العموميين الذين يواكبونها.",
        "Dans les douars de Jerada, de Figuig ou de Driouch, la coopérative est souvent le premier revenu propre des femmes. La conférence montre comment l'alphabétisation, la formation et l'accès aux marchés renforcent leur place dans la famille et la commune, et quelles difficultés persistent. Elle s'adresse aux associations, aux coopératives féminines et aux acteurs publics qui les accompagnent.",
    ),
    "Réunion de partenariat avec les délégations africaines": (
        "اجتماع عمل بين مجلس جهة الشرق ووفود الجهات الإفريقية الأربع الشريكة، يتم خلاله تقييم مذكرات التفاهم الجارية، والتحضير لزيارات التعاونيات المبرمجة خلال السنة المقبلة، وحصر المنتوجات التي تهم كل سوق. ويمكن للتعاونيات والمصدرين الراغبين في المشاركة في هذه المبادلات تقديم عروضهم خلال اللقاء.",
        "Réunion de travail entre le Conseil de la Région de l'Oriental et les délégations des quatre régions africaines partenaires. Elle fait le point sur les mémorandums d'entente en cours, prépare les missions de coopératives prévues l'an prochain et recense les produits qui intéressent chaque marché. Les coopératives et exportateurs qui souhaitent participer à ces échanges peuvent y présenter leur offre.",
    ),
    "Atelier : vendre sur les réseaux sociaux": (
        "إنشاء صفحة مهنية، والنشر بانتظام، والرد على الرسائل، وتنظيم التوصيل: ورشة عملية لفائدة التعاونيات والشباب الراغبين في بيع منتوجاتهم عبر شبكات التواصل الاجتماعي. يُرجى إحضار هاتف مشحون وبعض صور منتوجاتكم. ويغادر كل مشارك بصفحة مهيأة وبرزنامة للنشر خاصة بالشهر الموالي.",
        "Créer une page professionnelle, publier régulièrement, répondre aux messages, organiser les livraisons : un atelier concret pour les coopératives et les jeunes qui veulent vendre leurs produits sur les réseaux sociaux. Venez avec votre téléphone chargé et quelques photos de vos produits. Chaque participant repart avec une page configurée et un calendrier de publications pour le mois suivant.",
    ),
    "L'économie sociale et solidaire dans l'Oriental": (
        "كم عدد التعاونيات، وفي أي سلاسل إنتاج تنشط، وكم منصب شغل توفر؟ انطلاقا من مؤشرات المرصد الجهوي، ترسم هذه المائدة المستديرة صورة عن واقع الاقتصاد الاجتماعي والتضامني بجهة الشرق، من واحات فجيج إلى سهول بركان. وتقارن، لفائدة المنتخبين والباحثين ومسؤولي التعاونيات، بين مؤهلات الجهة كالزيتون واللوز والصبار وتربية النحل ومكامن ضعفها، من أجل توجيه برامج السنوات المقبلة.",
        "Combien de coopératives, dans quelles filières, avec quels emplois ? En s'appuyant sur les indicateurs de l'observatoire régional, la table ronde dresse un état des lieux de l'ESS dans l'Oriental, des oasis de Figuig aux plaines de Berkane. Pour les élus, chercheurs et responsables de coopératives, elle met en regard les atouts (olivier, amandier, figuier de Barbarie, apiculture) et les fragilités, afin d'orienter les programmes à venir.",
    ),
    "Signes de qualité : AOP et IGP": (
        "تسمية المنشأ، والبيان الجغرافي، والعلامة الفلاحية: ما الفرق بينها، وما الذي تضيفه إلى قيمة المنتوج في السوق؟ تقدم المتدخلة مسطرة الاعتراف، ودور تجمع المنتجين، ودفتر التحملات، مع أمثلة من الجهة كتمور فجيج وكليمنتين بركان. وهي موجهة إلى التعاونيات التي تفكر في تثمين أصل منتوجاتها، وتغادر بفكرة واضحة عن الخطوات الأولى.",
        "Appellation d'origine protégée, indication géographique protégée, label agricole : quelle différence, et qu'apportent-ils sur le marché ? L'intervenante présente la démarche de reconnaissance, le rôle du groupement de producteurs et le cahier des charges, avec des exemples de la région comme les dattes de Figuig ou la clémentine de Berkane. Pour les coopératives qui envisagent de valoriser l'origine de leurs produits.",
    ),
    "Atelier : concevoir son emballage": (
        "الحجم، والمادة، والألوان، والبيانات الواجب إدراجها، وتكلفة الوحدة: يعيد المشاركون التفكير في تلفيف أحد منتوجاتهم الموجه للمعارض أو المتاجر الراقية أو التصدير. يُرجى إحضار منتوج بتلفيفه الحالي، وبعض أغلفة منتوجات منافسة تعجبكم. ويغادر كل مشارك بنموذج ورقي ودفتر تحملات يسلمه للمطبعة أو للمورد.",
        "Format, matériau, couleurs, informations à faire figurer, coût par unité : les participants repensent l'emballage d'un de leurs produits pour les salons, les épiceries fines ou l'export. Apportez un produit dans son emballage actuel, ainsi que des emballages de produits concurrents que vous appréciez. Chacun repart avec une maquette papier et un cahier des charges à remettre à un imprimeur ou à un fournisseur.",
    ),
    "La coopération décentralisée : outils et expériences": (
        "التوأمة، والاتفاقيات بين الجماعات الترابية، والمشاريع ذات التمويل المشترك، وتبادل المتدربين: يقدم مسؤول عن التعاون الدولي بجهة أوكسيتاني الأدوات المتاحة للجهات وشركائها. ويستشهد بمشاريع أنجزت مع جهة الشرق في مجالي التكوين والتسويق. وهي موجهة إلى المنتخبين ومصالح الجماعات الترابية والجمعيات التي تعد مشاريع دولية.",
        "Jumelages, conventions entre collectivités, projets cofinancés, échanges de stagiaires : un responsable de la coopération internationale de la région Occitanie présente les outils dont disposent les régions et leurs partenaires. Il illustre son propos par des projets menés avec l'Oriental dans la formation et la commercialisation. Pour les élus, les services des collectivités et les associations qui montent des projets internationaux.",
    ),
    "Jeunes entrepreneurs : de l'idée au projet": (
        "التحقق من الفكرة لدى الزبناء، والاختيار بين التعاونية والمقاول الذاتي والشركة، وإعداد أول ميزانية، والبحث عن المواكبة: تتبع هذه المحاضرة مسار شباب حاملين لمشاريع بجهة الشرق. وهي موجهة إلى الطلبة وحاملي الشهادات وشباب العالم القروي، وتختتم بنقاش حول أفكارهم. ويغادر كل مشارك بالمراحل الواجب قطعها وبهيئات الدعم التي يمكن التواصل معها.",
        "Tester son idée auprès de clients, choisir entre coopérative, auto-entreprise ou société, établir un premier budget, trouver un accompagnement : la conférence suit le parcours de jeunes porteurs de projet de l'Oriental. Destinée aux étudiants, aux diplômés et aux jeunes ruraux, elle se termine par des échanges sur leurs idées. Chacun repart avec les étapes à franchir et les structures d'appui à contacter.",
    ),
    "Rendez-vous d'affaires B2B": (
        "ساعتان من لقاءات الأعمال الثنائية القصيرة، المبرمجة مسبقا، بين التعاونيات العارضة والمشترين والموزعين ومسيري الفنادق ووفود الجهات الشريكة. وتجري اللقاءات بالعربية أو الفرنسية أو الإنجليزية حسب المشاركين. يُرجى تحضير العينات والأسعار والقدرات الإنتاجية، فالهدف هو المغادرة بطلبيات أو بعلاقات تجارية قابلة للمتابعة.",
        "Deux heures de courts rendez-vous d'affaires, planifiés à l'avance, entre coopératives exposantes, acheteurs, distributeurs, hôteliers et délégations des régions partenaires. Les rencontres se déroulent en arabe, en français ou en anglais selon les participants. Préparez vos échantillons, vos prix et vos capacités de production : l'objectif est de repartir avec des commandes ou des contacts commerciaux à suivre.",
    ),
    "Coopératives et tourisme solidaire": (
        "دور الضيافة في قصور فجيج، ومسارات بجبال بني يزناسن، وزيارات لتعاونيات زيت الزيتون والعسل، ووجبات تعدها نساء القرية: تبحث هذه المائدة المستديرة كيف توفر السياحة التضامنية مداخيل تكميلية للتعاونيات. وهي موجهة إلى التعاونيات والجمعيات والمرشدين، وتقدم الشروط اللازمة لاستقبال الزوار في ظروف جيدة.",
        "Maisons d'hôtes dans les ksour de Figuig, circuits dans les monts des Beni Snassen, visites de coopératives d'huile d'olive ou de miel, repas préparés par des femmes du village : la table ronde explore comment le tourisme solidaire crée des revenus complémentaires. Elle s'adresse aux coopératives, aux associations et aux guides, et présente les conditions pour accueillir des visiteurs dans de bonnes conditions.",
    ),
    "Atelier : créer une coopérative": (
        "العدد الأدنى للأعضاء، والقانون الأساسي، والشهادة السلبية، والجمع العام التأسيسي، والتقييد في سجل التعاونيات: تفصل هذه الورشة مراحل التأسيس التي ينص عليها القانون رقم 112.12. يُرجى إحضار فكرة مشروعكم ولائحة الأعضاء المقبلين. ويغادر المشاركون بنموذج للقانون الأساسي، ولائحة الوثائق المطلوبة، وعناوين مصالح مكتب تنمية التعاون بالجهة.",
        "Nombre minimal de membres, statuts, certificat négatif, assemblée constitutive, immatriculation au registre des coopératives : l'atelier détaille les étapes de création prévues par la loi n° 112-12. Venez avec votre projet et la liste des futurs membres. Les participants repartent avec un modèle de statuts, la liste des pièces à fournir et les adresses des services de l'ODCO dans la région.",
    ),
    "Transport et logistique vers les ports": (
        "التجميع، والحاويات المبردة، والنقل الطرقي حتى ميناء الناظور غرب المتوسط أو ميناء طنجة المتوسط، والآجال والتكاليف: يشرح مسؤول مينائي كيف يمكن لتعاونية صغيرة أن تصدر منتوجاتها دون ملء حاوية كاملة. ويقدم أيضا دور الوحدة اللوجستيكية الجهوية. ويغادر المصدرون والتعاونيات المقبلة على أول شحنة بتقديرات تقريبية للتكاليف.",
        "Groupage, conteneur frigorifique, transport routier jusqu'au port de Nador West Med ou à Tanger Med, délais et coûts : un responsable portuaire explique comment une petite coopérative peut expédier sans remplir un conteneur entier. Il présente aussi le rôle de l'unité logistique régionale. Les exportateurs et les coopératives qui préparent un premier envoi repartent avec des ordres de grandeur de coûts.",
    ),
    "Partenariats entre régions : bilan et perspectives": (
        "بعد سنوات من توقيع أولى الاتفاقيات الإطار، يقيّم ممثلون عن جهة أوكسيتاني والجهات الإفريقية الشريكة مع جهة الشرق ما تحقق: المشاريع المنجزة، وتبادل الزيارات بين التعاونيات، وصعوبات التمويل والتأشيرات. وتفتح المائدة المستديرة آفاق الدورة المقبلة والاتفاقيات القادمة. وهي موجهة إلى المنتخبين والوفود وهيئات الاقتصاد الاجتماعي والتضامني المنخرطة في هذه الشراكات.",
        "Quelques années après la signature des premiers accords-cadres, des représentants de l'Occitanie et des régions africaines partenaires font le bilan avec l'Oriental : projets réalisés, échanges entre coopératives, difficultés de financement et de visas. La table ronde ouvre les perspectives pour l'édition suivante et les prochaines conventions. Pour les élus, les délégations et les structures de l'ESS engagées dans ces partenariats.",
    ),
    "Atelier : obtenir la certification biologique": (
        "ما المراحل اللازمة للحصول على شهادة الإنتاج البيولوجي لزيت الزيتون أو التمور أو النباتات العطرية؟ تقدم هذه الورشة القانون رقم 39.12 المتعلق بالإنتاج البيولوجي، وفترة التحول، ودور هيئات الإشهاد، والتكاليف الواجب توقعها. يُرجى إحضار لائحة المنتوجات والمدخلات المستعملة في ضيعاتكم، لتغادروا بخطة تحول وميزانية تقديرية.",
        "Quelles étapes pour faire certifier bio une huile d'olive, des dattes ou des plantes aromatiques ? L'atelier présente la loi n° 39-12 relative à la production biologique, la période de conversion, le rôle des organismes certificateurs et les coûts à prévoir. Apportez la liste des produits et intrants utilisés sur vos parcelles : vous repartirez avec un plan de conversion et un budget prévisionnel.",
    ),
    "Les femmes et l'export": (
        "يتزايد عدد التعاونيات النسائية بجهة الشرق التي تبيع الكسكس والزيوت ومنتوجات الصبار خارج المغرب. وتقدم مسؤولة عن شبكة للتعاونيات النسائية ومختص من الغرفة الفلاحية الخطوات الأولى، وبرامج المواكبة من أجل التصدير المخصصة للنساء، والأخطاء الواجب تجنبها. وتغادر التعاونيات النسائية المشاركة بخطة عمل وبعلاقات مفيدة.",
        "De plus en plus de coopératives féminines de l'Oriental vendent leur couscous, leurs huiles ou leurs produits du cactus à l'étranger. Une responsable de réseau et un spécialiste de la chambre d'agriculture présentent les premières étapes, les programmes d'accompagnement à l'export dédiés aux femmes et les erreurs à éviter. Les coopératives féminines repartent avec un plan d'action et des contacts utiles.",
    ),
    "Le numérique au service des coopératives": (
        "المحاسبة بالجداول الإلكترونية، وتدبير المخزون بالهاتف، والأداء عبر الهاتف المحمول، والإجراءات الإدارية عن بعد: تقدم هذه المحاضرة أدوات رقمية مجانية أو منخفضة التكلفة ملائمة للتعاونيات. وهي موجهة إلى المسيرين والأعضاء الشباب المكلفين بهذه المهام. ويغادر المشاركون بمجموعة من الأدوات المجربة ونصائح لتكوين باقي الأعضاء.",
        "Comptabilité sur tableur, gestion des stocks sur téléphone, paiement mobile, démarches administratives en ligne : la conférence présente des outils numériques gratuits ou peu coûteux adaptés aux coopératives. Elle s'adresse aux gestionnaires et aux jeunes membres chargés de ces tâches. Les participants repartent avec une sélection d'outils éprouvés et des conseils pour former les autres membres.",
    ),
    "Atelier : photographier ses produits au téléphone": (
        "الإضاءة الطبيعية، والخلفية المحايدة، والتأطير، وطريقة عرض المنتوج، والتعديلات البسيطة: يتعلم المشاركون ضمن مجموعة صغيرة التقاط صور احترافية بهواتفهم تصلح لدليل المنتوجات. يُرجى إحضار هاتف مشحون ومنتوجين أو ثلاثة من منتوجات تعاونيتكم. ويغادر كل مشارك بمجموعة صور جاهزة للنشر على شبكات التواصل الاجتماعي أو على منصة للبيع.",
        "Lumière naturelle, fond neutre, cadrage, mise en scène du produit, retouches simples : en petit groupe, les participants apprennent à réaliser avec leur téléphone des photos dignes d'un catalogue. Apportez votre téléphone chargé et deux ou trois produits de votre coopérative. Chacun repart avec une série de photos prêtes à publier sur les réseaux sociaux ou sur une plateforme de vente.",
    ),
    "Les exigences sanitaires pour les aliments": (
        "نظافة المحلات، والتحكم في درجات الحرارة، وتتبع الدفعات، والتحاليل المخبرية: تستعرض هذه المائدة المستديرة ما يراقبه المكتب الوطني للسلامة الصحية للمنتجات الغذائية، والمتطلبات الإضافية للأسواق الأوروبية والإفريقية. ومن خلال أمثلة العسل والتمور وزيت الزيتون، تتوجه إلى التعاونيات الحاصلة على الترخيص الصحي وتلك التي تعد ملفها. ويغادر كل مشارك بلائحة نقط المراقبة الواجب التحقق منها في وحدته.",
        "Hygiène des locaux, maîtrise des températures, traçabilité des lots, analyses de laboratoire : la table ronde fait le point sur ce que contrôle l'ONSSA et sur les exigences supplémentaires des marchés européens et africains. Illustrée par les cas du miel, des dattes et de l'huile d'olive, elle s'adresse aux coopératives déjà autorisées comme à celles qui préparent leur dossier. Chacun repart avec les points à vérifier dans son unité.",
    ),
    "Réunion de partenariat : la formation professionnelle": (
        "لقاء مخصص لمشاريع التكوين بين جهة الشرق وجهة أوكسيتاني والجهات الإفريقية الشريكة: تداريب متبادلة، وتكوين المكونين، ووحدات تكوينية حول التحويل الغذائي وتسيير التعاونيات. وتُدعى مراكز التكوين والجمعيات والتعاونيات التي تستقبل متدربين إلى اقتراح مبادرات. ويُحرَّر في ختام الجلسة محضر بالالتزامات المتفق عليها.",
        "Réunion consacrée aux projets de formation entre l'Oriental, l'Occitanie et les régions africaines partenaires : stages croisés, formation de formateurs, modules sur la transformation agroalimentaire et la gestion coopérative. Les centres de formation, les associations et les coopératives qui accueillent des stagiaires sont invités à y proposer des actions. Un relevé des engagements est établi en fin de séance.",
    ),
    "Réussites de coopératives de l'Oriental": (
        "يروي مسؤول تعاونية لإنتاج زيت الزيتون ببركان كيف تمكنت مجموعة صغيرة من المنتجين من التجهز بوحدة عصرية للعصر، والحصول على الترخيص الصحي، وبيع زيتها اليوم في قنينات تحمل علامتها الخاصة. وتكمل شهادته أمثلة أخرى من الجهة، من عسل تاوريرت إلى كسكس جرسيف. وتجد فيها التعاونيات الراغبة في الانتقال إلى مرحلة جديدة طرقا مجربة وعلاقات مفيدة.",
        "Le responsable d'une coopérative oléicole de Berkane raconte comment un petit groupe de producteurs s'est équipé d'une unité de trituration moderne, a obtenu son agrément sanitaire et vend aujourd'hui son huile en bouteilles sous sa propre marque. D'autres exemples de la région, du miel de Taourirt au couscous de Guercif, complètent ce témoignage. Les coopératives qui veulent franchir une nouvelle étape y trouveront des méthodes éprouvées et des contacts.",
    ),
    "L'insertion économique des jeunes": (
        "بطالة حاملي الشهادات، والهجرة نحو جهات أخرى، والشغل غير المهيكل: تحلل باحثة من جامعة محمد الأول ومسؤولة جمعوية وضعية شباب جهة الشرق والدور الذي يمكن أن يضطلع به الاقتصاد الاجتماعي والتضامني. وتقدمان برامج إدماج أثبتت نجاعتها. وهي موجهة إلى الشباب والجمعيات والفاعلين العموميين، مع مقترحات عملية قابلة للتطبيق محليا.",
        "Chômage des diplômés, départs vers d'autres régions, emplois informels : une chercheuse de l'Université Mohammed Premier et une responsable associative analysent la situation des jeunes de l'Oriental et le rôle que peut jouer l'ESS. Elles présentent des programmes d'insertion qui ont fait leurs preuves. Pour les jeunes, les associations et les acteurs publics, avec des pistes concrètes à reprendre localement.",
    ),
    "Atelier : fixer ses prix à l'export": (
        "سعر التكلفة، والتلفيف، والنقل، والمصاريف المينائية، وهامش ربح المستورد والموزع: يبني المشاركون خطوة بخطوة سعر بيع منتوج موجه للتصدير. يُرجى إحضار تكاليف إنتاج أحد منتوجاتكم وآلة حاسبة. ويغادر كل مشارك بجدول حساب يمكنه إعادة استعماله للرد على طلبات الأسعار الواردة من المشترين الأجانب.",
        "Coût de revient, emballage, transport, frais portuaires, marges de l'importateur et du distributeur : pas à pas, les participants construisent le prix de vente d'un produit destiné à l'export. Apportez les coûts de production d'un de vos produits et une calculatrice. Chacun repart avec une grille de calcul qu'il pourra réutiliser pour répondre aux demandes de prix des acheteurs étrangers.",
    ),
    "Une économie solidaire de part et d'autre de la Méditerranée": (
        "تقارن مسؤولة عن تجمع للمقاولات التضامنية بجهة أوكسيتاني بين نماذج الاقتصاد الاجتماعي والتضامني في فرنسا والمغرب: الصيغ القانونية، والتمويل، والمسالك القصيرة، والتجارة المنصفة. وتقدم شراكات تجارية بين تعاونيات من الضفتين وشروط نجاحها. وهي موجهة إلى التعاونيات والجمعيات والمصدرين الباحثين عن شركاء في أوروبا، وتتيح لهم ربط علاقات مفيدة.",
        "Une responsable d'un collectif d'entreprises solidaires d'Occitanie compare les modèles de l'ESS en France et au Maroc : statuts, financements, circuits courts, commerce équitable. Elle présente des partenariats commerciaux entre coopératives des deux rives et les conditions de leur réussite. Pour les coopératives, associations et exportateurs qui cherchent des partenaires en Europe, avec des contacts à la clé.",
    ),
    "Remise des prix du salon et clôture": (
        "يُختتم المعرض بتوزيع الجوائز على العارضين: أفضل منتوج مجالي، وأفضل تلفيف، وأفضل مبادرة شبابية، وأفضل تعاونية نسائية، وأحسن رواق في الاستقبال. وتقدم لجنة التحكيم، المكونة من مهنيين وشركاء، اختياراتها قبل كلمات الاختتام. والدعوة مفتوحة لجميع العارضين والزوار والوفود لحضور هذا اللقاء الأخير من الدورة.",
        "Le salon se clôt par la remise des prix aux exposants : meilleur produit du terroir, meilleur emballage, initiative de jeunes, coopérative féminine et stand le plus accueillant. Le jury, composé de professionnels et de partenaires, présente ses choix avant les allocutions de clôture. Tous les exposants, visiteurs et délégations sont invités à ce dernier rendez-vous de l'édition.",
    ),
    "Conclusions et recommandations du salon": (
        "يقدم مقررو الموائد المستديرة والمحاضرات ولقاءات الشراكة خلاصة الأيام الثلاثة والتوصيات الموجهة إلى مجلس جهة الشرق وشركائه. ويمكن للمشاركين من عارضين ومتدخلين ووفود التفاعل معها وإغناؤها. وستشكل الوثيقة النهائية، التي تنشر بعد اختتام المعرض، خارطة طريق للدورة المقبلة ولبرامج دعم التعاونيات.",
        "Les rapporteurs des tables rondes, conférences et réunions de partenariat présentent la synthèse des trois journées et les recommandations adressées au Conseil de la Région de l'Oriental et à ses partenaires. Ouverte à tous les exposants, intervenants et délégations, la séance permet de réagir et de compléter ces propositions. Le document final, publié après le salon, servira de feuille de route pour la prochaine édition.",
    ),
}
# fmt: on
