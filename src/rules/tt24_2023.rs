//! Thông tư 24/2023/TT-BGDĐT, as data. The wording of every indicator is the Circular's; the
//! readings where the text leaves a choice are those of `shared/spec/rules.md`. A test checks
//! each text and threshold against the Circular at the cited article.

// Row constructors take one argument per column of the table.
#![allow(clippy::too_many_arguments)]

use super::Input::*;
use super::*;

const fn own(dieu: u8, khoan: u8, diem: &'static str) -> Cite {
    Cite { dieu, khoan, diem, via: None }
}

/// A text incorporated by reference ("Nội dung tiêu chí theo quy định tại khoản … Điều …").
const fn via(referring: (u8, u8), dieu: u8, khoan: u8, diem: &'static str) -> Cite {
    Cite { dieu, khoan, diem, via: Some(referring) }
}

const fn fact(input: Input) -> Part {
    Part { key: "", applies: Applies::All, test: Test::Fact { input } }
}

const fn public_preschool_fact(input: Input) -> Part {
    Part { key: "preschool", applies: Applies::PublicPreschool, test: Test::Fact { input } }
}

const fn members(count: Input, percent: u32) -> Part {
    Part { key: "members", applies: Applies::All, test: Test::Ratio { count, total: Members, percent } }
}

const fn learners(percent: u32) -> Part {
    Part {
        key: "learners",
        applies: Applies::Learners,
        test: Test::Ratio { count: LearnersLearningCitizen, total: Learners, percent },
    }
}

const fn at_least(input: Input, rank: u8) -> Part {
    Part { key: "", applies: Applies::All, test: Test::AtLeast { input, rank } }
}

// Ranks of the ordered answers.
const ADVANCED: u8 = 1; // "Tập thể lao động tiên tiến"
const BASIC: u8 = 1; // "mức đáp ứng cơ bản"
const GOOD: u8 = 2; // "mức đáp ứng tốt"

const COLLECTIVE_TITLES: [Choice; 3] = [
    Choice { key: "none", rank: 0, label_vi: "Chưa đạt danh hiệu", label_en: en("No title") },
    Choice {
        key: "advanced",
        rank: ADVANCED,
        label_vi: "Tập thể lao động tiên tiến (hoặc Đơn vị tiên tiến)",
        label_en: en("Advanced collective (or Advanced unit)"),
    },
    Choice {
        key: "excellent_or_higher",
        rank: 2,
        label_vi: "Tập thể lao động xuất sắc, Đơn vị quyết thắng, Cờ thi đua",
        label_en: en("Excellent collective or higher"),
    },
];

/// The third answer to 1.2 and 3.2's preschool part (rules.md §2).
const NONE_IN_AREA: Choice =
    Choice { key: "none_in_area", rank: 0, label_vi: "Không có trên địa bàn", label_en: en("None in the area") };

const DIGITAL_LEVELS: [Choice; 3] = [
    Choice { key: "not_met", rank: 0, label_vi: "Chưa đạt", label_en: en("Not met") },
    Choice { key: "basic", rank: BASIC, label_vi: "Mức đáp ứng cơ bản", label_en: en("Basic") },
    Choice { key: "good", rank: GOOD, label_vi: "Mức đáp ứng tốt", label_en: en("Good") },
];

#[rustfmt::skip]
const fn count(id: Input, key: &'static str, total: Option<Input>, short: (&'static str, &'static str), label_vi: &'static str, label_en: &'static str, help_vi: &'static str, help_en: &'static str) -> InputDef {
    InputDef { id, key, section: Section::Counts, kind: InputKind::Count { total }, short_vi: short.0, short_en: en(short.1), label_vi, label_en: en(label_en), help_vi, help_en: en(help_en) }
}

#[rustfmt::skip]
const fn flag(id: Input, key: &'static str, short: (&'static str, &'static str), label_vi: &'static str, label_en: &'static str, help_vi: &'static str, help_en: &'static str) -> InputDef {
    InputDef { id, key, section: Section::Facts, kind: InputKind::Flag { unless: None }, short_vi: short.0, short_en: en(short.1), label_vi, label_en: en(label_en), help_vi, help_en: en(help_en) }
}

const AS_OF_VI: &str = "Tính đến ngày 31/12 của năm đánh giá.";

/// Who is a member, in the Circular's own words (Điều 2.5–2.7), and our reading of "công nhân"
/// (rules.md §1). `tests/regulation.rs` checks the quotations against the text.
const MEMBERS_HELP_VI: &str = "Thành viên trong đơn vị là Cán bộ công nhân viên trong đơn vị, Người lao động trong đơn vị (khoản 7 Điều 2). Cán bộ công nhân viên là “cán bộ, công chức, viên chức; sĩ quan, hạ sĩ quan, quân nhân chuyên nghiệp, chiến sĩ Quân đội nhân dân; sĩ quan, hạ sĩ quan, chiến sĩ Công an nhân dân; người quản lý tổ chức kinh tế” (khoản 5 Điều 2). Người lao động là “công nhân, lao động có trình độ chuyên môn kỹ thuật” (khoản 6 Điều 2): mọi công nhân đều được tính, và mọi người lao động khác có trình độ chuyên môn kỹ thuật. Tính đến ngày 31/12 của năm đánh giá.";
const AS_OF_EN: &str = "As of 31 December of the assessed year.";

#[rustfmt::skip]
static INPUTS: [InputDef; Input::COUNT] = [
    count(Members, "members", None, ("thành viên", "members"),
        "Tổng số Thành viên trong đơn vị",
        "Total members of the unit",
        MEMBERS_HELP_VI,
        "Members are the unit's staff and its workers (Article 2.7). Staff: “officials, civil servants, public employees; officers, non-commissioned officers, professional soldiers and soldiers of the People's Army; officers, non-commissioned officers and soldiers of the People's Police; managers of economic organisations” (Article 2.5). Workers: “workers, and labourers with professional or technical qualifications” (Article 2.6): every worker counts, and so does every other employee with professional or technical qualifications. As of 31 December of the assessed year."),
    count(MembersDiscipline, "members_discipline", Some(Members), ("thành viên tuân thủ kỷ luật lao động", "members keeping labour discipline"),
        "Số Thành viên tuân thủ kỷ luật lao động, nội quy; đoàn kết, hợp tác",
        "Members who keep labour discipline and work together",
        AS_OF_VI, AS_OF_EN),
    count(MembersTrainingCompleted, "members_training_completed", Some(Members), ("thành viên hoàn thành chương trình học tập, bồi dưỡng", "members completing their training"),
        "Số Thành viên hoàn thành đầy đủ các chương trình học tập, bồi dưỡng",
        "Members who completed the required training",
        "Chương trình theo quy định của nhà nước hoặc của đơn vị và đoàn thể được lãnh đạo đơn vị phê duyệt.",
        "Programmes required by the State or approved by the unit's leaders."),
    count(MembersDigital, "members_digital", Some(Members), ("thành viên được đào tạo, tham gia chuyển đổi số", "members trained in digital transformation"),
        "Số Thành viên được đào tạo, bồi dưỡng và tham gia chuyển đổi số",
        "Members trained in and taking part in digital transformation",
        AS_OF_VI, AS_OF_EN),
    count(MembersLanguageCertificate, "members_language_certificate", Some(Members), ("thành viên có chứng nhận, chứng chỉ ngoại ngữ hoặc tiếng dân tộc", "members with a language certificate"),
        "Số Thành viên có chứng nhận, chứng chỉ ngoại ngữ hoặc tiếng dân tộc thiểu số",
        "Members holding a foreign or ethnic-minority language certificate",
        "Chứng nhận hoặc chứng chỉ đáp ứng yêu cầu công việc hoặc vị trí việc làm (chỉ tiêu 2.4, mức độ 1).",
        "A certificate meeting the needs of the job (indicator 2.4, level 1)."),
    count(MembersLanguageProficiency, "members_language_proficiency", Some(Members), ("thành viên có trình độ ngoại ngữ hoặc tiếng dân tộc đáp ứng yêu cầu", "members with the language proficiency needed"),
        "Số Thành viên có trình độ ngoại ngữ hoặc tiếng dân tộc thiểu số đáp ứng yêu cầu công việc",
        "Members whose language proficiency meets the needs of the job",
        "Trình độ đáp ứng yêu cầu công việc hoặc vị trí việc làm (chỉ tiêu 2.4, mức độ 2).",
        "Proficiency meeting the needs of the job (indicator 2.4, level 2)."),
    count(MembersAdvancedWorker, "members_advanced_worker", Some(Members), ("thành viên đạt “Lao động tiên tiến”", "members with the “Advanced worker” title"),
        "Số Thành viên đạt danh hiệu “Lao động tiên tiến” trở lên",
        "Members with the “Advanced worker” title or higher",
        "Kể cả “Chiến sĩ tiên tiến” trong lực lượng vũ trang; danh hiệu tặng cho năm đánh giá (hoặc năm học kết thúc trong năm đó).",
        "“Advanced soldier” counts too; titles awarded for the assessed year (or the school year ending in it)."),
    count(MembersLearningCitizen, "members_learning_citizen", Some(Members), ("thành viên đạt “Công dân học tập”", "members with the “Learning citizen” title"),
        "Số Thành viên đạt danh hiệu “Công dân học tập”",
        "Members with the “Learning citizen” title",
        "Theo Quyết định số 324/QĐ-KHVN ngày 25/10/2023 của Hội Khuyến học Việt Nam.",
        "Under Decision 324/QĐ-KHVN of the Vietnam Association for Learning Promotion."),
    count(Learners, "learners", None, ("người học", "learners"),
        "Tổng số Người học",
        "Total learners",
        "Học sinh, sinh viên, học viên của cơ sở giáo dục (khoản 8 Điều 2), mọi cấp học của trường. Nhà trẻ, trường mẫu giáo, mầm non, tiểu học, THCS không có Người học theo Thông tư. Tính đến ngày 31/12 của năm đánh giá.",
        "Pupils, students and trainees of the institution (Article 2.8). As of 31 December of the assessed year."),
    count(LearnersLearningCitizen, "learners_learning_citizen", Some(Learners), ("người học đạt “Công dân học tập”", "learners with the “Learning citizen” title"),
        "Số Người học đạt danh hiệu “Công dân học tập”",
        "Learners with the “Learning citizen” title",
        "Theo Quyết định số 324/QĐ-KHVN.",
        "Under Decision 324/QĐ-KHVN."),
    flag(AnnualPlan, "annual_plan", ("kế hoạch học tập hằng năm", "the annual learning plan"),
        "Đã ban hành kế hoạch học tập hằng năm và tổ chức thực hiện",
        "An annual learning plan was issued and carried out",
        "", ""),
    flag(TrainingRegimeAndIncentives, "training_regime_and_incentives", ("chế độ đào tạo, bồi dưỡng và quy định khuyến khích học tập", "training entitlements and incentives"),
        "Thực hiện đầy đủ chế độ đào tạo, bồi dưỡng; có quy định khuyến khích học tập",
        "Training entitlements met; the unit has rules encouraging study",
        "", ""),
    InputDef {
        id: SupportsPrivatePreschools,
        key: "supports_private_preschools",
        section: Section::Facts,
        kind: InputKind::Flag { unless: Some(&NONE_IN_AREA) },
        short_vi: "hỗ trợ giáo viên mầm non dân lập, tư thục",
        short_en: en("support for private preschool teachers"),
        label_vi: "Tập huấn, bồi dưỡng, hỗ trợ giáo viên mầm non dân lập, tư thục trên địa bàn",
        label_en: en("Trains and supports teachers of private preschools in the area"),
        help_vi: "Chỉ với nhà trẻ, trường mẫu giáo, trường mầm non công lập. Nếu trên địa bàn không có cơ sở giáo dục mầm non dân lập, tư thục, chọn “Không có trên địa bàn”: phần này không áp dụng, và minh chứng của chỉ tiêu nên có xác nhận của cơ quan quản lý giáo dục địa phương.",
        help_en: en("Public preschools only. If there is no private preschool in the area, choose “None in the area”: this part then does not apply, and the indicator's evidence should include a confirmation from the local education authority."),
    },
    flag(StateBudgetForTraining, "state_budget_for_training", ("kinh phí đào tạo, bồi dưỡng từ ngân sách", "the state training budget"),
        "Bố trí đủ kinh phí ngân sách nhà nước hằng năm cho đào tạo, bồi dưỡng",
        "Enough state budget every year for training",
        "Chỉ với cơ quan, đơn vị sự nghiệp công lập.",
        "Public bodies only."),
    flag(DigitalTransformationEquipped, "digital_transformation_equipped", ("chuyển đổi số, trang bị thiết bị học tập", "digital transformation and equipment"),
        "Triển khai chuyển đổi số; Thành viên được trang bị dụng cụ, thiết bị học tập",
        "Digital transformation under way; members equipped to learn",
        "", ""),
    flag(LifelongLearningActivities, "lifelong_learning_activities", ("hoạt động học tập suốt đời cho người dân", "lifelong-learning activities"),
        "Tham gia các hoạt động phục vụ học tập suốt đời cho người dân",
        "Takes part in lifelong-learning activities for the people",
        "", ""),
    flag(KnowledgeSharing, "knowledge_sharing", ("hoạt động tạo lập môi trường học tập, chia sẻ tri thức", "knowledge sharing"),
        "Thực hiện hoạt động tạo lập môi trường học tập, chia sẻ tri thức với đơn vị khác",
        "Builds a learning environment and shares knowledge with other units",
        "", ""),
    InputDef {
        id: CollectiveTitle,
        key: "collective_title",
        section: Section::Facts,
        kind: InputKind::Choice { choices: &COLLECTIVE_TITLES },
        short_vi: "danh hiệu “Tập thể lao động tiên tiến” trở lên",
        short_en: en("the “Advanced collective” title or higher"),
        label_vi: "Danh hiệu thi đua của tập thể đơn vị",
        label_en: en("The unit's collective emulation title"),
        help_vi: "Danh hiệu cho năm đánh giá. Bằng khen, Huân chương là hình thức khen thưởng, không phải danh hiệu.",
        help_en: en("The title for the assessed year. A certificate of merit or an order is a reward, not a title."),
    },
    InputDef {
        id: DigitalLevel,
        key: "digital_level",
        section: Section::Facts,
        kind: InputKind::Choice { choices: &DIGITAL_LEVELS },
        short_vi: "mức độ chuyển đổi số",
        short_en: en("the digital-transformation level"),
        label_vi: "Mức độ chuyển đổi số của đơn vị",
        label_en: en("The unit's digital-transformation level"),
        help_vi: "Theo Quyết định số 4725/QĐ-BGDĐT (giáo dục phổ thông, thường xuyên) hoặc 4740/QĐ-BGDĐT (giáo dục đại học).",
        help_en: en("Under Decision 4725/QĐ-BGDĐT (schools) or 4740/QĐ-BGDĐT (higher education)."),
    },
    flag(VocationalAccredited, "vocational_accredited", ("kiểm định chất lượng giáo dục nghề nghiệp", "vocational accreditation"),
        "Đạt kiểm định chất lượng giáo dục nghề nghiệp",
        "Passed vocational quality accreditation",
        "Theo quy định hiện hành về kiểm định chất lượng giáo dục nghề nghiệp.",
        "Under the rules in force on vocational accreditation."),
];

const CRITERIA: [CriterionDef; 3] = [
    CriterionDef {
        number: 1,
        title_vi: "Về điều kiện xây dựng “Đơn vị học tập”",
        title_en: en("Conditions for building a learning unit"),
    },
    CriterionDef {
        number: 2,
        title_vi: "Về kết quả học tập của Thành viên trong đơn vị",
        title_en: en("Learning results of the unit's members"),
    },
    CriterionDef {
        number: 3,
        title_vi: "Tác dụng của việc xây dựng “Đơn vị học tập”",
        title_en: en("Effects of building a learning unit"),
    },
];

// Wording shared by several articles.
const T1_1: &str = "Ban hành kế hoạch hằng năm cho Thành viên trong đơn vị được học tập thường xuyên, tổ chức triển khai, thực hiện kế hoạch.";
const T1_2: &str = "Thực hiện đầy đủ các chế độ về đào tạo, bồi dưỡng theo quy định hiện hành, có quy định của đơn vị nhằm khuyến khích, động viên Thành viên trong đơn vị tích cực học tập. Đơn vị cấp huyện là nhà trẻ, trường mẫu giáo, trường mầm non công lập tham gia thực hiện tập huấn, bồi dưỡng nâng cao chuyên môn nghiệp vụ, hỗ trợ cho giáo viên của các cơ sở giáo dục mầm non dân lập, tư thục trên địa bàn theo quy định.";
const T1_3: &str = "Bố trí đủ kinh phí từ ngân sách nhà nước hằng năm để thực hiện công tác đào tạo, bồi dưỡng đối với Thành viên trong đơn vị (đối với đơn vị là cơ quan, đơn vị sự nghiệp công lập của nhà nước).";
const T1_4: &str = "Đơn vị cấp huyện triển khai chuyển đổi số, các Thành viên trong đơn vị được trang bị các dụng cụ, thiết bị học tập đáp ứng nhu cầu làm việc và học tập trong bối cảnh chuyển đổi số.";
const T1_5: &str = "Tham gia các hoạt động phục vụ việc học tập suốt đời cho người dân.";

const L1_2_1: &str = "Tối thiểu 90% Thành viên trong đơn vị tuân thủ kỷ luật lao động, nội quy làm việc trong đơn vị, có tinh thần đoàn kết, hợp tác, chia sẻ và trao đổi.";
const L1_2_2: &str = "Tối thiểu 90% Thành viên trong đơn vị hoàn thành đầy đủ các chương trình học tập, bồi dưỡng theo quy định của nhà nước hoặc của đơn vị và đoàn thể được lãnh đạo đơn vị phê duyệt.";
const L1_2_3: &str =
    "Tối thiểu 90% Thành viên trong đơn vị được đào tạo, bồi dưỡng và tham gia thực hiện chuyển đổi số trong đơn vị.";
const L1_2_4: &str = "Tối thiểu 50% Thành viên trong đơn vị có chứng nhận hoặc chứng chỉ ngoại ngữ hoặc tiếng dân tộc thiểu số đáp ứng yêu cầu công việc hoặc vị trí việc làm (không bao gồm thành viên trong đơn vị là tổ chức kinh tế).";
const L1_2_5: &str = "Tối thiểu 90% Thành viên trong đơn vị đạt danh hiệu “Lao động tiên tiến” (theo Luật Thi đua, Khen thưởng số 06/2022/QH15) trở lên.";

const L2_2_1: &str = "Tối thiểu 95% Thành viên trong đơn vị tuân thủ kỷ luật lao động, nội quy làm việc trong đơn vị, có tinh thần đoàn kết, hợp tác, chia sẻ và trao đổi.";
const L2_2_2: &str = "Tối thiểu 95% Thành viên trong đơn vị hoàn thành đầy đủ các chương trình học tập, bồi dưỡng theo quy định của nhà nước hoặc của đơn vị và đoàn thể được lãnh đạo đơn vị phê duyệt.";
const L2_2_3: &str =
    "Tối thiểu 95% Thành viên trong đơn vị được đào tạo, bồi dưỡng và tham gia thực hiện chuyển đổi số trong đơn vị.";
const L2_2_4: &str = "Tối thiểu 70% Thành viên trong đơn vị có trình độ ngoại ngữ hoặc tiếng dân tộc thiểu số đáp ứng yêu cầu công việc hoặc vị trí việc làm (không bao gồm thành viên trong đơn vị là tổ chức kinh tế).";
const L2_2_5: &str = "Tối thiểu 95% Thành viên trong đơn vị đạt danh hiệu “Lao động tiên tiến” (theo Luật Thi đua, Khen thưởng số 06/2022/QH15) trở lên.";

const H_3_2: &str = "Đơn vị cấp huyện thực hiện các hoạt động tạo lập môi trường học tập và chia sẻ tri thức với các đơn vị khác. Đơn vị cấp huyện là nhà trẻ, trường mẫu giáo, trường mầm non công lập có thực hiện hoặc phối hợp thực hiện tập huấn, bồi dưỡng nâng cao chuyên môn nghiệp vụ, hỗ trợ cho giáo viên của các cơ sở giáo dục mầm non dân lập, tư thục trên địa bàn theo quy định.";
const H_3_5: &str = "Đơn vị cấp huyện là cơ sở giáo dục nghề nghiệp đạt kiểm định chất lượng giáo dục nghề nghiệp theo quy định hiện hành.";
const P_3_2: &str =
    "Đơn vị cấp tỉnh thực hiện các hoạt động tạo lập môi trường học tập và chia sẻ tri thức với các đơn vị khác.";
const P_3_3: &str = "Đơn vị cấp tỉnh đạt danh hiệu thi đua từ “Tập thể lao động tiên tiến” (theo Luật Thi đua, Khen thưởng số 06/2022/QH15) trở lên.";
const P_3_6: &str = "Đơn vị cấp tỉnh là cơ sở giáo dục nghề nghiệp đạt kiểm định chất lượng giáo dục nghề nghiệp theo quy định hiện hành.";

// Short titles, shared by the four articles.
const TITLES: [(&str, &str, &str); 15] = [
    ("1.1", "Kế hoạch học tập hằng năm", "Annual learning plan"),
    ("1.2", "Chế độ đào tạo, bồi dưỡng; khuyến khích học tập", "Training entitlements and incentives"),
    ("1.3", "Kinh phí đào tạo, bồi dưỡng từ ngân sách", "State budget for training"),
    ("1.4", "Chuyển đổi số, trang bị thiết bị học tập", "Digital transformation and equipment"),
    ("1.5", "Hoạt động học tập suốt đời cho người dân", "Lifelong learning for the people"),
    ("2.1", "Kỷ luật lao động, đoàn kết, hợp tác", "Labour discipline and cooperation"),
    ("2.2", "Hoàn thành chương trình học tập, bồi dưỡng", "Required training completed"),
    ("2.3", "Đào tạo và tham gia chuyển đổi số", "Trained in digital transformation"),
    ("2.4", "Ngoại ngữ hoặc tiếng dân tộc thiểu số", "Foreign or ethnic-minority language"),
    ("2.5", "Danh hiệu “Lao động tiên tiến” trở lên", "“Advanced worker” title or higher"),
    ("3.1", "Danh hiệu “Công dân học tập”", "“Learning citizen” title"),
    ("3.2", "Môi trường học tập, chia sẻ tri thức", "Learning environment, knowledge sharing"),
    ("3.3", "Danh hiệu “Tập thể lao động tiên tiến” trở lên", "“Advanced collective” title or higher"),
    ("3.4", "Mức độ chuyển đổi số (QĐ 4725)", "Digital level (Decision 4725)"),
    ("3.5", "Kiểm định chất lượng giáo dục nghề nghiệp", "Vocational quality accreditation"),
];
const TITLE_3_5_TINH: (&str, &str) = ("Mức độ chuyển đổi số (QĐ 4740)", "Digital level (Decision 4740)");
const TITLE_3_6_TINH: (&str, &str) = ("Kiểm định chất lượng giáo dục nghề nghiệp", "Vocational quality accreditation");

const fn title(id_index: usize) -> (&'static str, &'static str) {
    (TITLES[id_index].1, TITLES[id_index].2)
}

const fn row(
    scope: Scope,
    level: Level,
    id_index: usize,
    cite: Cite,
    text: &'static str,
    applies: Applies,
    parts: &'static [Part],
) -> IndicatorDef {
    let (title_vi, title_en) = title(id_index);
    let id = TITLES[id_index].0;
    let criterion = id.as_bytes()[0] - b'0';
    IndicatorDef { id, scope, level, criterion, cite, title_vi, title_en: en(title_en), text, applies, parts }
}

const fn row_titled(
    scope: Scope,
    level: Level,
    id: &'static str,
    titles: (&'static str, &'static str),
    cite: Cite,
    text: &'static str,
    applies: Applies,
    parts: &'static [Part],
) -> IndicatorDef {
    let criterion = id.as_bytes()[0] - b'0';
    IndicatorDef { id, scope, level, criterion, cite, title_vi: titles.0, title_en: en(titles.1), text, applies, parts }
}

use Applies::{All, NotEconomic, Public, Vocational};
use Level::{One, Two};
use Scope::{Huyen, Tinh};

const Q4725: Applies = Applies::Digital(DigitalIndex::Qd4725);
const Q4740: Applies = Applies::Digital(DigitalIndex::Qd4740);

// Parts shared by rows.
const P1_1: [Part; 1] = [fact(AnnualPlan)];
const P1_2: [Part; 2] = [fact(TrainingRegimeAndIncentives), public_preschool_fact(SupportsPrivatePreschools)];
const P1_3: [Part; 1] = [fact(StateBudgetForTraining)];
const P1_4: [Part; 1] = [fact(DigitalTransformationEquipped)];
const P1_5: [Part; 1] = [fact(LifelongLearningActivities)];
const P3_2_HUYEN: [Part; 2] = [fact(KnowledgeSharing), public_preschool_fact(SupportsPrivatePreschools)];
const P3_2_TINH: [Part; 1] = [fact(KnowledgeSharing)];
const P3_3: [Part; 1] = [at_least(CollectiveTitle, ADVANCED)];
const P_DIGITAL_BASIC: [Part; 1] = [at_least(DigitalLevel, BASIC)];
const P_DIGITAL_GOOD: [Part; 1] = [at_least(DigitalLevel, GOOD)];
const P_ACCREDITED: [Part; 1] = [fact(VocationalAccredited)];

#[rustfmt::skip]
static INDICATORS: [IndicatorDef; 62] = [
    // ── Đơn vị cấp huyện, mức độ 1 (Điều 6) ──────────────────────────────────────────────
    row(Huyen, One, 0, own(6, 1, "a"), T1_1, All, &P1_1),
    row(Huyen, One, 1, own(6, 1, "b"), T1_2, All, &P1_2),
    row(Huyen, One, 2, own(6, 1, "c"), T1_3, Public, &P1_3),
    row(Huyen, One, 3, own(6, 1, "d"), T1_4, All, &P1_4),
    row(Huyen, One, 4, own(6, 1, "đ"), T1_5, All, &P1_5),
    row(Huyen, One, 5, own(6, 2, "a"), L1_2_1, All, &[members(MembersDiscipline, 90)]),
    row(Huyen, One, 6, own(6, 2, "b"), L1_2_2, All, &[members(MembersTrainingCompleted, 90)]),
    row(Huyen, One, 7, own(6, 2, "c"), L1_2_3, All, &[members(MembersDigital, 90)]),
    row(Huyen, One, 8, own(6, 2, "d"), L1_2_4, NotEconomic, &[members(MembersLanguageCertificate, 50)]),
    row(Huyen, One, 9, own(6, 2, "đ"), L1_2_5, All, &[members(MembersAdvancedWorker, 90)]),
    row(Huyen, One, 10, own(6, 3, "a"),
        "Tối thiểu 90% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Bộ tiêu chí và hướng dẫn đánh giá, công nhận “Công dân học tập” giai đoạn 2021-2030 (ban hành tại Quyết định số 324/QĐ-KHVN ngày 25 tháng 10 năm 2023 của Ban chấp hành Trung ương Hội Khuyến học Việt Nam, sau đây gọi là Quyết định số 324/QĐ-KHVN). Đối với đơn vị là Cơ sở giáo dục đánh giá, công nhận ở cấp huyện tối thiểu 95% Người học đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.",
        All, &[members(MembersLearningCitizen, 90), learners(95)]),
    row(Huyen, One, 11, own(6, 3, "b"), H_3_2, All, &P3_2_HUYEN),
    row(Huyen, One, 12, own(6, 3, "c"),
        "Đơn vị cấp huyện đạt danh hiệu thi đua từ “Tập thể lao động tiên tiến” (theo Luật Thi đua, Khen thưởng số 06/2022/QH15) trở lên.",
        All, &P3_3),
    row(Huyen, One, 13, own(6, 3, "d"),
        "Đơn vị cấp huyện là cơ sở giáo dục phổ thông đạt mức độ chuyển đổi số của đơn vị ở “mức đáp ứng cơ bản” theo Quyết định số 4725/QĐ-BGDĐT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
        Q4725, &P_DIGITAL_BASIC),
    row(Huyen, One, 14, own(6, 3, "đ"), H_3_5, Vocational, &P_ACCREDITED),
    // ── Đơn vị cấp huyện, mức độ 2 (Điều 7) ──────────────────────────────────────────────
    row(Huyen, Two, 0, via((7, 1), 6, 1, "a"), T1_1, All, &P1_1),
    row(Huyen, Two, 1, via((7, 1), 6, 1, "b"), T1_2, All, &P1_2),
    row(Huyen, Two, 2, via((7, 1), 6, 1, "c"), T1_3, Public, &P1_3),
    row(Huyen, Two, 3, via((7, 1), 6, 1, "d"), T1_4, All, &P1_4),
    row(Huyen, Two, 4, via((7, 1), 6, 1, "đ"), T1_5, All, &P1_5),
    row(Huyen, Two, 5, own(7, 2, "a"), L2_2_1, All, &[members(MembersDiscipline, 95)]),
    row(Huyen, Two, 6, own(7, 2, "b"), L2_2_2, All, &[members(MembersTrainingCompleted, 95)]),
    row(Huyen, Two, 7, own(7, 2, "c"), L2_2_3, All, &[members(MembersDigital, 95)]),
    row(Huyen, Two, 8, own(7, 2, "d"), L2_2_4, NotEconomic, &[members(MembersLanguageProficiency, 70)]),
    row(Huyen, Two, 9, own(7, 2, "đ"), L2_2_5, All, &[members(MembersAdvancedWorker, 95)]),
    row(Huyen, Two, 10, own(7, 3, "a"),
        "Tối thiểu 95% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN. Đối với Đơn vị cấp huyện là Cơ sở giáo dục đánh giá, công nhận ở cấp huyện tối thiểu 97% người học đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.",
        All, &[members(MembersLearningCitizen, 95), learners(97)]),
    row(Huyen, Two, 11, own(7, 3, "b"), H_3_2, All, &P3_2_HUYEN),
    // Level 2 asks the title of public bodies only (rules.md §2).
    row(Huyen, Two, 12, own(7, 3, "c"),
        "Đơn vị cấp huyện là cơ quan, đơn vị sự nghiệp công lập đạt danh hiệu thi đua từ “Tập thể lao động tiên tiến” (theo Luật Thi đua, Khen thưởng số 06/2022/QH15) trở lên.",
        Public, &P3_3),
    row(Huyen, Two, 13, own(7, 3, "d"),
        "Đơn vị cấp huyện là cơ sở giáo dục phổ thông đạt mức độ chuyển đổi số của đơn vị ở “mức đáp ứng tốt” theo Quyết định số 4725/QĐ-BGDĐT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
        Q4725, &P_DIGITAL_GOOD),
    row(Huyen, Two, 14, own(7, 3, "đ"), H_3_5, Vocational, &P_ACCREDITED),
    // ── Đơn vị cấp tỉnh, mức độ 1 (Điều 12) ──────────────────────────────────────────────
    row(Tinh, One, 0, via((12, 1), 6, 1, "a"), T1_1, All, &P1_1),
    row(Tinh, One, 1, via((12, 1), 6, 1, "b"), T1_2, All, &P1_2),
    row(Tinh, One, 2, via((12, 1), 6, 1, "c"), T1_3, Public, &P1_3),
    row(Tinh, One, 3, via((12, 1), 6, 1, "d"), T1_4, All, &P1_4),
    row(Tinh, One, 4, via((12, 1), 6, 1, "đ"), T1_5, All, &P1_5),
    row(Tinh, One, 5, via((12, 2), 6, 2, "a"), L1_2_1, All, &[members(MembersDiscipline, 90)]),
    row(Tinh, One, 6, via((12, 2), 6, 2, "b"), L1_2_2, All, &[members(MembersTrainingCompleted, 90)]),
    row(Tinh, One, 7, via((12, 2), 6, 2, "c"), L1_2_3, All, &[members(MembersDigital, 90)]),
    row(Tinh, One, 8, via((12, 2), 6, 2, "d"), L1_2_4, NotEconomic, &[members(MembersLanguageCertificate, 50)]),
    row(Tinh, One, 9, via((12, 2), 6, 2, "đ"), L1_2_5, All, &[members(MembersAdvancedWorker, 90)]),
    row(Tinh, One, 10, own(12, 3, "a"),
        "Tối thiểu 90% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN. Đối với Đơn vị cấp tỉnh là Cơ sở giáo dục đánh giá, công nhận cấp tỉnh tối thiểu 95% người học đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.",
        All, &[members(MembersLearningCitizen, 90), learners(95)]),
    row(Tinh, One, 11, own(12, 3, "b"), P_3_2, All, &P3_2_TINH),
    row(Tinh, One, 12, own(12, 3, "c"), P_3_3, All, &P3_3),
    row(Tinh, One, 13, own(12, 3, "d"),
        "Đơn vị cấp tỉnh là trường trung học phổ thông, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học phổ thông, trung tâm giáo dục thường xuyên đạt mức độ chuyển đổi số của đơn vị ở “mức đáp ứng cơ bản” theo Quyết định số 4725/QĐ-BGDĐT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
        Q4725, &P_DIGITAL_BASIC),
    row_titled(Tinh, One, "3.5", TITLE_3_5_TINH, own(12, 3, "đ"),
        "Đơn vị cấp tỉnh là cơ sở giáo dục đại học đạt mức độ chuyển đổi số của đơn vị ở “mức đáp ứng cơ bản” theo Quyết định số 4740/QĐ-BGDĐT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
        Q4740, &P_DIGITAL_BASIC),
    row_titled(Tinh, One, "3.6", TITLE_3_6_TINH, own(12, 3, "e"), P_3_6, Vocational, &P_ACCREDITED),
    // ── Đơn vị cấp tỉnh, mức độ 2 (Điều 13) ──────────────────────────────────────────────
    row(Tinh, Two, 0, via((13, 1), 6, 1, "a"), T1_1, All, &P1_1),
    row(Tinh, Two, 1, via((13, 1), 6, 1, "b"), T1_2, All, &P1_2),
    row(Tinh, Two, 2, via((13, 1), 6, 1, "c"), T1_3, Public, &P1_3),
    row(Tinh, Two, 3, via((13, 1), 6, 1, "d"), T1_4, All, &P1_4),
    row(Tinh, Two, 4, via((13, 1), 6, 1, "đ"), T1_5, All, &P1_5),
    row(Tinh, Two, 5, via((13, 2), 7, 2, "a"), L2_2_1, All, &[members(MembersDiscipline, 95)]),
    row(Tinh, Two, 6, via((13, 2), 7, 2, "b"), L2_2_2, All, &[members(MembersTrainingCompleted, 95)]),
    row(Tinh, Two, 7, via((13, 2), 7, 2, "c"), L2_2_3, All, &[members(MembersDigital, 95)]),
    row(Tinh, Two, 8, via((13, 2), 7, 2, "d"), L2_2_4, NotEconomic, &[members(MembersLanguageProficiency, 70)]),
    row(Tinh, Two, 9, via((13, 2), 7, 2, "đ"), L2_2_5, All, &[members(MembersAdvancedWorker, 95)]),
    row(Tinh, Two, 10, own(13, 3, "a"),
        "Tối thiểu 95% Thành viên trong đơn vị đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN. Đối với Đơn vị cấp tỉnh là Cơ sở giáo dục đánh giá, công nhận ở cấp tỉnh tối thiểu 97% Người học đạt danh hiệu “Công dân học tập” theo Quyết định số 324/QĐ-KHVN.",
        All, &[members(MembersLearningCitizen, 95), learners(97)]),
    row(Tinh, Two, 11, own(13, 3, "b"), P_3_2, All, &P3_2_TINH),
    // Unlike huyện level 2, tỉnh level 2 asks the title of every unit.
    row(Tinh, Two, 12, own(13, 3, "c"), P_3_3, All, &P3_3),
    row(Tinh, Two, 13, own(13, 3, "d"),
        "Đơn vị cấp tỉnh là trường trung học phổ thông, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học phổ thông, trung tâm giáo dục thường xuyên đạt mức độ chuyển đổi số của đơn vị ở “mức đáp ứng tốt” theo Quyết định số 4725/QĐ-BGDĐT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
        Q4725, &P_DIGITAL_GOOD),
    row_titled(Tinh, Two, "3.5", TITLE_3_5_TINH, own(13, 3, "đ"),
        "Đơn vị cấp tỉnh là cơ sở giáo dục đại học đạt mức độ chuyển đổi số của đơn vị ở “mức đáp ứng tốt” theo Quyết định số 4740/QĐ-BGDĐT ngày 30 tháng 12 năm 2022 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
        Q4740, &P_DIGITAL_GOOD),
    row_titled(Tinh, Two, "3.6", TITLE_3_6_TINH, own(13, 3, "e"), P_3_6, Vocational, &P_ACCREDITED),
];

const FIXED: Attribute<bool> = Attribute { default: false, overridable: false };
const NO_INDEX: IndexRule = IndexRule::Fixed(None);
const ANY_INDEX: IndexRule = IndexRule::Overridable(None);
const INDEX_4725: IndexRule = IndexRule::Fixed(Some(DigitalIndex::Qd4725));
const INDEX_4740: IndexRule = IndexRule::Fixed(Some(DigitalIndex::Qd4740));
/// A provincial trung tâm GDNN-GDTX says whether it is rated under QĐ 4725 (rules.md §1).
const CHOOSE_4725: IndexRule = IndexRule::Choose(DigitalIndex::Qd4725);
const VOCATIONAL: Attribute<bool> = Attribute { default: true, overridable: true };
const NOT_VOCATIONAL_OVERRIDABLE: Attribute<bool> = Attribute { default: false, overridable: true };
const LEARNERS: Attribute<bool> = Attribute { default: true, overridable: false };
const NO_LEARNERS: Attribute<bool> = Attribute { default: false, overridable: false };
/// Catch-all and special education kinds: "Người học" unless the dossier says otherwise
/// (a preschool or primary school placed under the Sở has none, Điều 2.8).
const LEARNERS_OVERRIDABLE: Attribute<bool> = Attribute { default: true, overridable: true };

/// A body that is not a school: public or not by its nature.
#[rustfmt::skip]
const fn body(id: &'static str, scope: Scope, article: &'static str, name_vi: &'static str, name_en: &'static str, who: &'static str, public: PublicRule, economic: bool) -> UnitKind {
    UnitKind {
        id, scope, article, name_vi, name_en: en(name_en), who,
        public,
        learners: NO_LEARNERS, vocational: FIXED, digital_index: NO_INDEX, economic, preschool: false,
    }
}

/// A state body: public.
const STATE: PublicRule = PublicRule::Fixed(true);
/// A Party, Fatherland Front or mass-organisation body: public unless the dossier says its
/// running costs are not the state budget's (a trade union funded by dues, rules.md §1).
const STATE_UNLESS_SAID: PublicRule = PublicRule::Overridable(true);
const NOT_STATE: PublicRule = PublicRule::Fixed(false);

/// An education institution: công lập or ngoài công lập is the dossier's answer.
#[rustfmt::skip]
const fn school(id: &'static str, scope: Scope, article: &'static str, name_vi: &'static str, name_en: &'static str, who: &'static str, learners: Attribute<bool>, vocational: Attribute<bool>, digital_index: IndexRule) -> UnitKind {
    UnitKind {
        id, scope, article, name_vi, name_en: en(name_en), who,
        public: PublicRule::Choose,
        learners, vocational, digital_index, economic: false, preschool: false,
    }
}

#[rustfmt::skip]
static KINDS: [UnitKind; 25] = [
    body("ubnd_xa", Huyen, "Điều 2.3", "Ủy ban nhân dân cấp xã", "Commune People's Committee",
        "Ủy ban nhân dân cấp xã", STATE, false),
    body("co_quan_dang_huyen", Huyen, "Điều 2.3", "Cơ quan tham mưu, giúp việc huyện ủy", "Advisory body of the district Party committee",
        "Cơ quan tham mưu, giúp việc huyện ủy, quận ủy, thị ủy, thành ủy trực thuộc tỉnh ủy, thành ủy", STATE_UNLESS_SAID, false),
    body("co_quan_ubnd_huyen", Huyen, "Điều 2.3", "Cơ quan, đơn vị thuộc UBND cấp huyện", "Body under the district People's Committee",
        "Cơ quan, đơn vị thuộc, trực thuộc Ủy ban nhân dân cấp huyện", STATE, false),
    body("mttq_doan_the_huyen", Huyen, "Điều 2.3", "Mặt trận Tổ quốc, đoàn thể cấp huyện", "District Fatherland Front or mass organisation",
        "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam cấp huyện; Liên đoàn Lao động cấp huyện; Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp huyện; Hội nông dân cấp huyện; Hội Liên hiệp Phụ nữ cấp huyện; Hội cựu chiến binh cấp huyện", STATE_UNLESS_SAID, false),
    body("vu_trang_huyen", Huyen, "Điều 2.3", "Ban chỉ huy quân sự, Công an cấp huyện", "District military command or police",
        "Ban chỉ huy quân sự cấp huyện; Công an cấp huyện", STATE, false),
    body("kinh_te_huyen", Huyen, "Điều 2.3", "Doanh nghiệp, hợp tác xã cấp huyện", "District enterprise or cooperative",
        "Doanh nghiệp, hợp tác xã và tổ chức khác thực hiện hoạt động đầu tư kinh doanh thuộc thẩm quyền quản lý của Ủy ban nhân dân cấp huyện", NOT_STATE, true),
    UnitKind {
        id: "mam_non", scope: Huyen, article: "Điều 2.1", name_vi: "Nhà trẻ, trường mẫu giáo, trường mầm non", name_en: en("Nursery, kindergarten or preschool"),
        who: "Nhà trẻ, trường mẫu giáo, trường mầm non",
        public: PublicRule::Choose, learners: NO_LEARNERS, vocational: FIXED, digital_index: NO_INDEX, economic: false, preschool: true,
    },
    school("pho_thong_huyen", Huyen, "Điều 2.1", "Trường tiểu học, THCS, phổ thông dân tộc (cấp huyện)", "Primary or lower-secondary school",
        "Trường tiểu học, trường trung học cơ sở, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học cơ sở, trường phổ thông dân tộc bán trú, trường phổ thông dân tộc nội trú thuộc thẩm quyền quản lý của Ủy ban nhân dân cấp huyện",
        NO_LEARNERS, FIXED, INDEX_4725),
    school("gdnn_huyen", Huyen, "Điều 2.1", "Trung tâm GDNN, GDNN-GDTX cấp huyện", "District vocational (and continuing) education centre",
        "Trung tâm giáo dục nghề nghiệp, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp huyện",
        LEARNERS, VOCATIONAL, NO_INDEX),
    school("csgd_khac_huyen", Huyen, "Điều 2.1", "Cơ sở giáo dục khác cấp huyện", "Other district education institution",
        "Các cơ sở giáo dục khác thuộc thẩm quyền quản lý nhà nước của Ủy ban nhân dân cấp huyện",
        LEARNERS_OVERRIDABLE, NOT_VOCATIONAL_OVERRIDABLE, NO_INDEX),
    body("xa_hoi_huyen", Huyen, "Điều 2.3", "Hội Khuyến học, tổ chức xã hội cấp huyện", "District Learning Promotion Association or social organisation",
        "Hội khuyến học cấp huyện và các tổ chức xã hội cấp huyện, tổ chức xã hội-nghề nghiệp cấp huyện khác", NOT_STATE, false),
    body("co_quan_dang_tinh", Tinh, "Điều 2.4", "Cơ quan tham mưu, giúp việc tỉnh ủy", "Advisory body of the provincial Party committee",
        "Cơ quan tham mưu, giúp việc tỉnh ủy, thành ủy trực thuộc trung ương", STATE_UNLESS_SAID, false),
    body("co_quan_ubnd_tinh", Tinh, "Điều 2.4", "Sở, ban, ngành, đơn vị thuộc UBND cấp tỉnh", "Department or body under the provincial People's Committee",
        "Cơ quan, đơn vị thuộc, trực thuộc Ủy ban nhân dân cấp tỉnh", STATE, false),
    body("mttq_doan_the_tinh", Tinh, "Điều 2.4", "Mặt trận Tổ quốc, đoàn thể cấp tỉnh", "Provincial Fatherland Front or mass organisation",
        "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh; Liên đoàn Lao động cấp tỉnh; Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh; Hội nông dân cấp tỉnh; Hội Liên hiệp Phụ nữ cấp tỉnh; Hội cựu chiến binh cấp tỉnh", STATE_UNLESS_SAID, false),
    body("vu_trang_tinh", Tinh, "Điều 2.4", "Bộ Tư lệnh, Bộ chỉ huy quân sự, Công an cấp tỉnh", "Provincial military command or police",
        "Bộ Tư lệnh Thủ đô Hà Nội, Bộ Tư lệnh thành phố Hồ Chí Minh, Bộ chỉ huy quân sự cấp tỉnh; Công an cấp tỉnh", STATE, false),
    body("kinh_te_tinh", Tinh, "Điều 2.4", "Doanh nghiệp, tổ chức kinh tế cấp tỉnh", "Provincial enterprise",
        "Doanh nghiệp và tổ chức khác thực hiện hoạt động đầu tư kinh doanh thuộc thẩm quyền quản lý của Ủy ban nhân dân cấp tỉnh", NOT_STATE, true),
    // A state agency under the provincial People's Committee (NĐ 35/2022), not an economic
    // organisation, although Điều 2.4 lists it beside businesses (rules.md §1).
    body("ban_quan_ly_khu", Tinh, "Điều 2.4", "Ban quản lý khu công nghiệp, khu kinh tế", "Industrial or economic zone authority",
        "Ban quản lý khu công nghiệp, khu chế xuất, khu công nghệ cao, khu kinh tế", STATE, false),
    school("thpt", Tinh, "Điều 2.2", "Trường THPT, THPT chuyên, phổ thông dân tộc nội trú tỉnh", "Upper-secondary school",
        "Trường trung học phổ thông, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học phổ thông, trường chuyên, trường phổ thông dân tộc nội trú thuộc thẩm quyền quản lý của Ủy ban nhân dân cấp tỉnh",
        LEARNERS, FIXED, INDEX_4725),
    school("gdtx_tinh", Tinh, "Điều 2.2", "Trung tâm giáo dục thường xuyên", "Continuing education centre",
        "Trung tâm giáo dục thường xuyên", LEARNERS, FIXED, INDEX_4725),
    school("csgd_dac_thu_tinh", Tinh, "Điều 2.2", "Trường dự bị đại học, năng khiếu, chuyên biệt, giáo dưỡng", "Preparatory, gifted, special or reform school",
        "Trường dự bị đại học, trường năng khiếu, trường dành cho người khuyết tật, trường giáo dưỡng, trung tâm hỗ trợ phát triển giáo dục hòa nhập",
        LEARNERS_OVERRIDABLE, NOT_VOCATIONAL_OVERRIDABLE, ANY_INDEX),
    school("tt_gdnn_tinh", Tinh, "Điều 2.2", "Trung tâm GDNN, GDNN-GDTX cấp tỉnh", "Provincial vocational (and continuing) education centre",
        "Trung tâm giáo dục nghề nghiệp, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp tỉnh (cơ sở giáo dục và đào tạo khác thuộc thẩm quyền quản lý nhà nước của Ủy ban nhân dân cấp tỉnh)",
        LEARNERS, VOCATIONAL, CHOOSE_4725),
    school("gdnn_tinh", Tinh, "Điều 2.2", "Trường trung cấp, trường cao đẳng", "Vocational school or college",
        "Trường trung cấp, trường cao đẳng", LEARNERS, VOCATIONAL, ANY_INDEX),
    school("dai_hoc", Tinh, "Điều 2.2", "Trường đại học, học viện", "University or academy",
        "Trường đại học (cơ sở giáo dục đại học)", LEARNERS, FIXED, INDEX_4740),
    school("csgd_khac_tinh", Tinh, "Điều 2.2", "Cơ sở giáo dục và đào tạo khác cấp tỉnh", "Other provincial education institution",
        "Các cơ sở giáo dục và đào tạo khác thuộc thẩm quyền quản lý nhà nước của Ủy ban nhân dân cấp tỉnh và tương đương",
        LEARNERS_OVERRIDABLE, NOT_VOCATIONAL_OVERRIDABLE, ANY_INDEX),
    body("xa_hoi_tinh", Tinh, "Điều 2.4", "Hội Khuyến học, tổ chức xã hội cấp tỉnh", "Provincial Learning Promotion Association or social organisation",
        "Hội khuyến học cấp tỉnh và các tổ chức xã hội cấp tỉnh, tổ chức xã hội-nghề nghiệp cấp tỉnh khác", NOT_STATE, false),
];

const fn md(month: u8, day: u8) -> MonthDay {
    MonthDay { month, day }
}

/// How a member's organisation begins, by group (lower case, both spellings of “ủy”).
const SPECIALISED: &[&str] = &["phòng", "sở", "văn phòng", "thanh tra", "ủy ban nhân dân", "uỷ ban nhân dân", "ubnd"];
const PROMOTION: &[&str] = &["hội khuyến học", "hkh"];
const SOCIO_POLITICAL: &[&str] = &[
    "ủy ban mặt trận",
    "uỷ ban mặt trận",
    "mặt trận",
    "ubmttq",
    "mttq",
    "liên đoàn lao động",
    "lđlđ",
    "công đoàn",
    "đoàn thanh niên",
    "huyện đoàn",
    "tỉnh đoàn",
    "thành đoàn",
    "hội liên hiệp phụ nữ",
    "hội lhpn",
    "hội phụ nữ",
    "hội nông dân",
    "hội nd",
    "hội cựu chiến binh",
    "hội ccb",
];

/// Thành phần Hội đồng (Điều 10.2b, 16.2b), in the text's order.
#[rustfmt::skip]
const fn groups(specialised: &'static str, promotion: &'static str, socio: &'static str) -> [CouncilGroup; 3] {
    [
        CouncilGroup { key: "specialised", text: specialised, label_vi: "Cơ quan chuyên môn thuộc Ủy ban nhân dân", label_en: en("Specialised body of the People's Committee"), prefixes: SPECIALISED },
        CouncilGroup { key: "learning_promotion", text: promotion, label_vi: "Hội Khuyến học", label_en: en("Association for Learning Promotion"), prefixes: PROMOTION },
        CouncilGroup { key: "socio_political", text: socio, label_vi: "Tổ chức chính trị - xã hội", label_en: en("Socio-political organisation"), prefixes: SOCIO_POLITICAL },
    ]
}

static GROUPS_HUYEN: [CouncilGroup; 3] = groups(
    "đại diện cơ quan chuyên môn thuộc Ủy ban nhân dân cấp huyện",
    "đại diện Hội khuyến học cấp huyện",
    "đại diện tổ chức chính trị-xã hội cấp huyện",
);
static GROUPS_TINH: [CouncilGroup; 3] = groups(
    "đại diện cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh",
    "đại diện Hội khuyến học cấp tỉnh",
    "đại diện tổ chức chính trị-xã hội cấp tỉnh",
);

pub static TT24_2023: RuleSet = RuleSet {
    id: "TT24/2023",
    title: "Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023 quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh",
    number: "24/2023/TT-BGDĐT",
    short_number: "24/2023",
    issuer: "Bộ trưởng Bộ Giáo dục và Đào tạo",
    issued: "2023-12-11",
    subject: "quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh",
    kinds_article: 2,
    scope_articles: &[(Huyen, Cite::khoan(2, 3)), (Tinh, Cite::khoan(2, 4))],
    definitions: Definitions { rerecognition: Cite::khoan(2, 10), upgrade: Cite::khoan(2, 11) },
    district_governments_end: Some("2025-07-01"),
    district_successor: Some(Successor {
        recipient: "Phòng Văn hóa – Xã hội, Ủy ban nhân dân {commune}",
        decision_maker: "Chủ tịch Ủy ban nhân dân {commune}",
        basis: "Thông tư 15/2025/TT-BGDĐT (sửa đổi bởi Thông tư 45/2026/TT-BGDĐT): Phòng Văn hóa – Xã hội của Ủy ban nhân dân cấp xã phụ trách xây dựng xã hội học tập trên địa bàn",
        basis_en: en("Circular 15/2025/TT-BGDĐT (as amended by Circular 45/2026/TT-BGDĐT): the commune People's Committee's Office of Culture and Society is in charge of building the learning society in its area"),
    }),
    kinds: &KINDS,
    inputs: &INPUTS,
    titles: &[
        Title {
            input: MembersAdvancedWorker,
            name_vi: "Lao động tiên tiến",
            name_en: en("Advanced worker"),
            awarded_by_vi: "Quyết định công nhận danh hiệu thi đua của người đứng đầu đơn vị hoặc cấp có thẩm quyền (“Chiến sĩ tiên tiến” trong lực lượng vũ trang)",
            awarded_by_en: en("The decision of the head of the unit or the competent authority recognising emulation titles (“Advanced soldier” in the armed forces)"),
        },
        Title {
            input: MembersLearningCitizen,
            name_vi: "Công dân học tập",
            name_en: en("Learning citizen"),
            awarded_by_vi: "Quyết định công nhận của Hội Khuyến học (Quyết định số 324/QĐ-KHVN ngày 25/10/2023 của Hội Khuyến học Việt Nam)",
            awarded_by_en: en("The recognition decision of the Association for Learning Promotion (Decision 324/QĐ-KHVN of 25 October 2023)"),
        },
    ],
    criteria: &CRITERIA,
    indicators: &INDICATORS,
    level_articles: &[(Huyen, One, 6), (Huyen, Two, 7), (Tinh, One, 12), (Tinh, Two, 13)],
    judging_articles: &[(Huyen, 9), (Tinh, 15)],
    timing: Timing {
        submit_before: md(1, 15),
        decision_before: md(2, 15),
        district_report_before: md(3, 15),
        upgrade_after_months: 12,
        valid_years: 3,
        first_year: 2023,
        last_year: 2100,
        in_force_from: "2024-01-26",
    },
    authorities: &[
        Authority {
            scope: Huyen,
            recipient: "Phòng Giáo dục và Đào tạo",
            decision_maker: "Chủ tịch Ủy ban nhân dân cấp huyện",
            cites: &[Cite::khoan(5, 1), Cite::diem(10, 1, "c")],
        },
        Authority {
            scope: Tinh,
            recipient: "Sở Giáo dục và Đào tạo",
            decision_maker: "Chủ tịch Ủy ban nhân dân cấp tỉnh",
            cites: &[Cite::khoan(11, 1), Cite::diem(16, 1, "c")],
        },
    ],
    procedures: &[
        Procedure {
            scope: Huyen,
            conditions: 8,
            team: Cite::diem(10, 1, "a"),
            period: Cite::diem(10, 1, "b"),
            submit: Cite::diem(10, 1, "c"),
            decision: Cite::khoan(10, 3),
            upgrade: Cite::khoan(5, 3),
            validity: Cite::khoan(5, 4),
        },
        Procedure {
            scope: Tinh,
            conditions: 14,
            team: Cite::diem(16, 1, "a"),
            period: Cite::diem(16, 1, "b"),
            submit: Cite::diem(16, 1, "c"),
            decision: Cite::khoan(16, 3),
            upgrade: Cite::khoan(11, 3),
            validity: Cite::khoan(11, 4),
        },
    ],
    district_report: Cite::khoan(20, 3),
    apply_when_met: Cite::khoan(21, 2),
    publish: Cite::khoan(21, 3),
    signers: &[
        ("ubnd_xa", "Chủ tịch"),
        ("kinh_te_huyen", "Giám đốc"),
        ("mam_non", "Hiệu trưởng"),
        ("pho_thong_huyen", "Hiệu trưởng"),
        ("gdnn_huyen", "Giám đốc"),
        ("xa_hoi_huyen", "Chủ tịch"),
        ("kinh_te_tinh", "Giám đốc"),
        ("ban_quan_ly_khu", "Trưởng ban"),
        ("thpt", "Hiệu trưởng"),
        ("gdtx_tinh", "Giám đốc"),
        ("csgd_dac_thu_tinh", "Hiệu trưởng"),
        ("tt_gdnn_tinh", "Giám đốc"),
        ("gdnn_tinh", "Hiệu trưởng"),
        ("dai_hoc", "Hiệu trưởng"),
        ("xa_hoi_tinh", "Chủ tịch"),
    ],
    signer_default: "Thủ trưởng đơn vị",
    limits: &[
        (Public, "(đối với đơn vị là cơ quan, đơn vị sự nghiệp công lập của nhà nước)"),
        (Public, "là cơ quan, đơn vị sự nghiệp công lập"),
        (NotEconomic, "(không bao gồm thành viên trong đơn vị là tổ chức kinh tế)"),
        (Q4725, "là cơ sở giáo dục phổ thông"),
        (Q4725, "là trường trung học phổ thông, trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học phổ thông, trung tâm giáo dục thường xuyên"),
        (Q4740, "là cơ sở giáo dục đại học"),
        (Vocational, "là cơ sở giáo dục nghề nghiệp"),
    ],
    appraisals: &[
        Appraisal {
            scope: Huyen,
            channels: Cite::diem(10, 1, "c"),
            intake: Cite::diem(10, 2, "a"),
            council: Cite::diem(10, 2, "b"),
            council_head: "Trưởng phòng Giáo dục và Đào tạo",
            council_name: "Hội đồng đánh giá, công nhận “Đơn vị học tập” cấp huyện",
            council_short: "Hội đồng đánh giá cấp huyện",
            council_min: 5,
            council_odd: true,
            council_groups: &GROUPS_HUYEN,
            meeting: Cite::diem(10, 2, "c"),
            refusal: Cite::diem(10, 2, "d"),
            submission: Cite::diem(10, 2, "đ"),
            again: Cite::khoan(10, 4),
            report: Cite::khoan(20, 3),
            report_to: "Sở Giáo dục và Đào tạo",
            report_before: Some(md(3, 15)),
        },
        Appraisal {
            scope: Tinh,
            channels: Cite::diem(16, 1, "c"),
            intake: Cite::diem(16, 2, "a"),
            council: Cite::diem(16, 2, "b"),
            council_head: "Giám đốc Sở Giáo dục và Đào tạo",
            council_name: "Hội đồng đánh giá, công nhận “Đơn vị học tập” cấp tỉnh",
            council_short: "Hội đồng đánh giá cấp tỉnh",
            council_min: 5,
            council_odd: true,
            council_groups: &GROUPS_TINH,
            meeting: Cite::diem(16, 2, "c"),
            refusal: Cite::diem(16, 2, "d"),
            submission: Cite::diem(16, 2, "đ"),
            again: Cite::khoan(16, 4),
            report: Cite::khoan(18, 3),
            report_to: "Bộ Giáo dục và Đào tạo",
            report_before: None,
        },
    ],
    calendars: &[
        ProvincialCalendar {
            province: "Hưng Yên",
            source: "Kế hoạch đánh giá, công nhận “Đơn vị học tập” cấp huyện, cấp tỉnh trên địa bàn tỉnh Hưng Yên (UBND tỉnh, 6/2024), mục IV.6.b và IV.1.c",
            district_report_before: md(4, 30),
            province_report_before: Some(md(5, 31)),
        },
        ProvincialCalendar {
            province: "Lai Châu",
            source: "Công văn của UBND tỉnh Lai Châu về triển khai Thông tư số 24/2023/TT-BGDĐT (5/2024), mục 4",
            district_report_before: md(3, 15),
            province_report_before: None,
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_in_enum_order() {
        for (i, def) in INPUTS.iter().enumerate() {
            assert_eq!(def.id.index(), i, "{}", def.key);
            assert_eq!(Input::ALL[i], def.id);
        }
    }

    #[test]
    fn every_scope_and_level_has_every_criterion_in_order() {
        for scope in Scope::ALL {
            for level in Level::ALL {
                let ids: Vec<&str> = TT24_2023.indicators_for(scope, level).map(|i| i.id).collect();
                let expected: &[&str] = match scope {
                    Scope::Huyen => &[
                        "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3",
                        "3.4", "3.5",
                    ],
                    Scope::Tinh => &[
                        "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3",
                        "3.4", "3.5", "3.6",
                    ],
                };
                assert_eq!(ids, expected, "{scope:?} {level:?}");
                for ind in TT24_2023.indicators_for(scope, level) {
                    assert_eq!(ind.id.as_bytes()[0] - b'0', ind.criterion);
                    assert!(!ind.parts.is_empty());
                }
            }
        }
    }

    #[test]
    fn the_district_report_day_is_one_fact() {
        let a = TT24_2023.appraisal(Huyen).unwrap();
        assert_eq!(a.report_before, Some(TT24_2023.timing.district_report_before));
        assert_eq!(a.report, TT24_2023.district_report);
    }

    #[test]
    fn kinds_are_unique_and_choose_public_only_for_schools() {
        let mut ids: Vec<&str> = KINDS.iter().map(|k| k.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 25);
        for k in &KINDS {
            let is_school = k.article == "Điều 2.1" || k.article == "Điều 2.2";
            assert_eq!(k.public == PublicRule::Choose, is_school, "{}", k.id);
        }
    }
}
