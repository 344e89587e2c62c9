# Knowledge answers (src/knowledge). Short, plain words for farmers reading on a phone.

ask-empty = Bà con cứ gõ câu hỏi về hợp tác xã, tổ hợp tác, vay vốn hay chính sách hỗ trợ nha.
ask-source = Nguồn: { $reference }.
ask-reference-article = Điều { $article }, { $title } ({ $doc })
ask-reference-clause = khoản { $clause } Điều { $article }, { $title } ({ $doc })
ask-reference-document = { $title } ({ $doc })
ask-not-sure = Mình chưa chắc đúng ý bà con hỏi, đây là chỗ gần nhất mình tìm được (bấm Gặp cán bộ cho chắc):
ask-local-only = Mình chưa có số liệu cả nước, chỉ có số liệu của địa phương dưới đây (Sóc Trăng cũ, nay thuộc Cần Thơ). Bà con cần số cả nước thì hỏi cán bộ (bấm Gặp cán bộ) nha.
ask-not-found = Xin lỗi, mình chưa tìm thấy quy định nào trả lời câu này, có thể câu hỏi nằm ngoài phạm vi mình hỗ trợ (hợp tác xã, tổ hợp tác, vay vốn, chính sách hỗ trợ). Bà con bấm Gặp cán bộ để được hướng dẫn thêm nha.
ask-llm-unknown = Các tài liệu mình có chưa nói rõ chuyện này nên mình không dám trả lời chắc. Bà con bấm Gặp cán bộ để hỏi trực tiếp nha.
ask-uncertain = Lưu ý: thông tin này chưa được xác minh chắc chắn. Bà con nên hỏi lại UBND xã/phường trước khi làm.

ask-status-amended = Đã được sửa đổi
ask-status-expired = Hết hiệu lực
ask-status-outdated_in_part = Lỗi thời một phần
ask-status-unknown = Chưa kiểm tra hiệu lực
ask-status-amended-by = Đã được sửa đổi bởi { $by }
ask-status-expired-on = Hết hiệu lực từ { $date }

ask-warning-expired = ⚠️ { $doc } đã hết hiệu lực{ $date ->
    [none] {""}
   *[other] {" "}từ { $date }
}, chỉ dùng để tham khảo.
ask-warning-amended = ⚠️ { $doc } đã được sửa đổi{ $by ->
    [none] {""}
   *[other] {" "}bởi { $by }
}; trên là quy định sau khi sửa.
ask-warning-outdated = ⚠️ { $doc } có phần đã lỗi thời, bà con hỏi UBND xã/phường cho chắc.

ask-decline-injection = Xin lỗi, mình không thể làm theo yêu cầu thay đổi cách trả lời hay tiết lộ thông tin hệ thống. Mình chỉ trả lời đúng theo quy định pháp luật hiện hành.
ask-decline-injection-answer = Về câu hỏi của bà con, theo quy định:
ask-decline-weather = Xin lỗi, chuyện thời tiết nằm ngoài phạm vi mình hỗ trợ. Bà con theo dõi bản tin của Đài Khí tượng thủy văn hoặc hỏi cán bộ khuyến nông nha.
ask-decline-market = Xin lỗi, giá cả thị trường nằm ngoài phạm vi mình hỗ trợ, mình không tư vấn giá. Bà con hỏi thương lái, chợ đầu mối hoặc Sở Nông nghiệp và Môi trường nha.
ask-decline-investment = Xin lỗi, mình không tư vấn đầu tư chứng khoán, cổ phiếu hay tiền ảo; việc này nằm ngoài phạm vi mình hỗ trợ.
ask-decline-guarantee = Xin lỗi, mình không thể bảo lãnh hay hứa chắc bà con được vay. Ngân hàng hoặc Quỹ sẽ thẩm định hồ sơ; mình chỉ giải thích quy định và điều kiện vay.
ask-decline-personal-data = Xin lỗi, mình không thể cung cấp thông tin cá nhân của người khác (số điện thoại, địa chỉ, giấy tờ…). Pháp luật bảo vệ dữ liệu cá nhân của mỗi người.
ask-decline-own-data = Số điện thoại và thông tin bà con để lại khi đăng ký chỉ để cán bộ Hội Nông dân và cán bộ hỗ trợ HTX phụ trách nơi bà con ở gọi lại tư vấn; không dùng vào việc khác, không bán hay đưa cho người khác, hết hạn lưu thì tự xóa. Bà con xem lại bằng lệnh /dulieu, xóa và rút lại đồng ý bằng lệnh /xoa bất cứ lúc nào.
ask-decline-fraud = Xin lỗi, việc này không được làm và mình không hỗ trợ: kê khai không trung thực, làm giả giấy tờ, chữ ký hay lập thành viên ảo là hành vi bị cấm (Điều 7 Luật Hợp tác xã 2023).
ask-decline-evasion = Xin lỗi, mình không chỉ cách trốn thuế, quỵt nợ, đút lót hay làm sổ sách giả; việc đó vi phạm pháp luật. Nếu bà con muốn biết HTX được miễn, giảm thuế hay gia hạn nợ hợp pháp thế nào thì cứ hỏi mình nha.
ask-decline-health = Xin lỗi, chuyện sức khỏe, thuốc men nằm ngoài phạm vi mình hỗ trợ. Bà con hỏi trạm y tế xã/phường hoặc bác sĩ cho chắc nha.
ask-decline-politics = Xin lỗi, mình không bàn chuyện chính trị, bầu cử hay nhận xét lãnh đạo. Mình chỉ giúp chuyện hợp tác xã, vay vốn và chính sách hỗ trợ; tin chính thức bà con xem trên báo, đài hoặc hỏi UBND xã/phường nha.
ask-decline-directory = Xin lỗi, mình không có danh bạ hay sổ sách riêng của từng HTX, quỹ hay cơ quan. Số liệu, người phụ trách của một HTX thì bà con hỏi Hội đồng quản trị hoặc Ban kiểm soát HTX đó; địa chỉ, số điện thoại cơ quan thì hỏi UBND xã/phường. Mình giúp được phần quy định pháp luật nha.
ask-decline-other = Xin lỗi, chuyện này nằm ngoài phạm vi mình hỗ trợ. Mình chỉ giúp chuyện hợp tác xã, tổ hợp tác, vay vốn, chính sách hỗ trợ và đăng ký để cán bộ liên hệ; bà con chọn việc bên dưới hoặc cứ hỏi về mấy chuyện đó nha.
ask-decline-farming = Xin lỗi, kỹ thuật canh tác, phân bón, thuốc bảo vệ thực vật nằm ngoài phạm vi mình hỗ trợ. Bà con hỏi cán bộ khuyến nông hoặc Sở Nông nghiệp và Môi trường nha.

# Quotes of official texts (knowledge/van-ban), used when no guide covers the question.
ask-legal-lead = Câu này luật có quy định, ở phần "{ $title }":
ask-legal-quote = Nguyên văn { $reference }: “{ $text }”
ask-legal-note = ⚠️ { $note }.

# Two questions in one message: each answered under its own label.
ask-part = • Về “{ $part }”:
ask-part-not-found = Phần này mình chưa tìm thấy quy định, bà con bấm Gặp cán bộ để hỏi thêm nha.

# Small talk (src/knowledge/answer/small-talk.ts): a short reply, then the main menu.
ask-chat-greeting = Xin chào bà con! Mình là Trợ lý HTX. Bà con hỏi gì về hợp tác xã, tổ hợp tác, vay vốn, chính sách hỗ trợ cứ nhắn, hoặc chọn việc bên dưới nha.
ask-chat-thanks = Dạ không có chi, mình rất vui được giúp bà con! Bà con cần hỏi thêm cứ nhắn, hoặc chọn việc bên dưới nha.
ask-chat-compliment = Dạ cảm ơn bà con đã khen! Bà con cần hỏi thêm về hợp tác xã, vay vốn hay hỗ trợ cứ nhắn, hoặc chọn việc bên dưới nha.
ask-chat-about-bot = Mình là Trợ lý HTX, một chương trình máy tự trả lời (không phải người), miễn phí cho bà con. Mình trả lời về Luật Hợp tác xã, tổ hợp tác, vay vốn, chính sách hỗ trợ (có ghi nguồn), xem bà con có đủ điều kiện vay hay được hỗ trợ không, và ghi tên để cán bộ liên hệ. Cần người thật thì bấm Gặp cán bộ, hoặc chọn việc bên dưới nha.
ask-chat-goodbye = Chào bà con, chúc bà con làm ăn thuận lợi! Khi cần cứ nhắn lại nha.
ask-chat-insult = Xin lỗi bà con, chắc mình trả lời chưa đúng ý. Bà con thử hỏi lại ngắn hơn, chọn việc bên dưới, hoặc bấm Gặp cán bộ để cán bộ giúp nha.
ask-decline-lottery = Xin lỗi, mình không đoán số, không tư vấn xổ số, lô đề hay cá cược; việc này nằm ngoài phạm vi mình hỗ trợ. Mình chỉ giúp chuyện hợp tác xã, vay vốn và chính sách hỗ trợ.
# Questions in English: a short bilingual note, then the answer in Vietnamese when the topic is ours.
ask-english-note = Mình trả lời bằng tiếng Việt (I answer in Vietnamese, about cooperatives, loans and support policies in Vietnam).
ask-english-none = Xin lỗi, câu này mình chưa giúp được (sorry, I can't help with this one). Bà con hỏi mình về hợp tác xã, thành viên, góp vốn, vay vốn, đăng ký hay chính sách hỗ trợ nha (you can ask me about cooperatives, members, capital, loans, registration or support programmes).
# Officers' published FAQ entries as a source (src/knowledge/answer/faq-sections.ts).
ask-faq-source = Cán bộ HTX trả lời
ask-faq-reference = { $reference }, { $date }
# A count of people the farmer heard that the rule found does not say (src/knowledge/answer/premise.ts).
ask-premise-count = Không phải { $heard } đâu bà con, quy định hiện nay như sau:
