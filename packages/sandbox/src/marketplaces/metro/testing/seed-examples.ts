/**
 * The example payloads of seed:metro-chats and seed:metro-messages, copied verbatim (key order
 * included) from /work/shared/seeds/metro-chats.txt and metro-messages.txt. Shape tests hold the
 * sandbox's responses against these.
 */

/** seed:metro-chats */
export const categoriesResponse = {
  status: 'success',
  message: 'Chat categories have been fetched successfully',
  data: [
    {
      id: 200,
      key: 'POST-PURCHASE',
      parentId: null,
      translations: [
        {
          en: 'Post-purchase',
          de: 'Nach dem Kauf',
        },
      ],
      children: [
        {
          id: 210,
          key: 'ORDER',
          parentId: 200,
          translations: [
            {
              en: 'Order',
              de: 'Bestellung',
            },
          ],
          children: [],
        },
      ],
    },
  ],
};

/** seed:metro-chats */
export const subjectsResponse = {
  status: 'success',
  message: 'Chat Subjects have been fetched successfully',
  data: {
    SELLER: [
      {
        id: 121,
        subject: 'INVOICES',
        isCustom: false,
        parentId: null,
        children: [
          {
            id: 221,
            subject: 'INVOICE_INSTRUCTIONS',
            isCustom: false,
            parentId: 121,
            children: [],
          },
          {
            id: 222,
            subject: 'INVOICE_ATTACHMENT',
            isCustom: false,
            parentId: 121,
            children: [],
          },
        ],
      },
      {
        id: 135,
        subject: 'OTHERS',
        isCustom: true,
        parentId: null,
        children: [],
      },
    ],
    BUYER: [
      {
        id: 132,
        subject: 'INVOICES',
        isCustom: false,
        parentId: null,
        children: [
          {
            id: 241,
            subject: 'INVOICE_NOT_UPLOADED',
            isCustom: false,
            parentId: 132,
            children: [],
          },
          {
            id: 242,
            subject: 'INVOICE_CORRECTION',
            isCustom: false,
            parentId: 132,
            children: [],
          },
        ],
      },
    ],
  },
  metadata: [],
};

/** seed:metro-chats */
export const emailsExistResponse = {
  status: 'success',
  message: 'Successfully verified email existence for Order [O25-12345678910]',
  data: {
    exist: false,
  },
  metadata: [],
};

/** seed:metro-chats */
export const createChatRequest = {
  subject: 'OTHERS',
  customSubject: 'Invoice correction request',
  categoryId: 242,
};

/** seed:metro-chats */
export const createChatResponse = {
  data: {
    buyer: {
      firstName: 'Quality Business',
      id: '7cc2d1d0-bf2c-4af6-89c0-01fbb24a436a',
      lastName: 'Valid Vies',
    },
    category: {
      id: 211,
      locale: 'en',
      name: 'Order status',
      parent: {
        id: 210,
        name: 'Order',
      },
    },
    createdAt: '2025-09-02T19:41:12+00:00',
    customSubject: null,
    id: '9fc8aac4-6fce-43f2-b230-0b372097729b',
    isSeen: true,
    lastMessageAt: '2025-09-02T19:41:12+00:00',
    order: {
      id: '4cff7a94-224c-45e4-8187-6d978e3afab5',
      orderNumber: 'O25-568200129071',
      salesChannel: 'pt',
    },
    seller: {
      accounts: [
        {
          firstName: 'Test',
          id: '18461e1b-d845-4587-8ecb-90ba8838fc6e',
          lastName: 'Metro',
        },
      ],
      organization: {
        id: '581c41ea-6bc5-4716-a325-4a803c0ebff0',
        shopName: 'My DESHOP',
      },
    },
    status: 'WAITING_FOR_BUYER',
    subject: 'SELLER.ORDERS.ORDER_CONFIRMATION',
    unseenMessagesCount: 0,
  },
  message: 'Chat [9fc8aac4-6fce-43f2-b230-0b372097729b] has been created successfully',
  metadata: [],
  status: 'success',
};

/** seed:metro-chats */
export const listChatsResponse = {
  data: [
    {
      buyer: {
        firstName: 'Quality Business',
        id: '7cc2d1d0-bf2c-4af6-89c0-01fbb24a436a',
        lastName: 'Valid Vies',
      },
      category: {
        id: 211,
        locale: 'en',
        name: 'Order status',
        parent: {
          id: 210,
          name: 'Order',
        },
      },
      createdAt: '2025-09-02T19:41:12+00:00',
      customSubject: null,
      id: '9fc8aac4-6fce-43f2-b230-0b372097729b',
      isSeen: true,
      lastMessageAt: '2025-09-02T19:41:12+00:00',
      order: {
        id: '4cff7a94-224c-45e4-8187-6d978e3afab5',
        orderNumber: 'O25-568200129071',
        salesChannel: 'pt',
      },
      seller: {
        accounts: [
          {
            firstName: 'Test',
            id: '18461e1b-d845-4587-8ecb-90ba8838fc6e',
            lastName: 'Metro',
          },
        ],
        organization: {
          id: '581c41ea-6bc5-4716-a325-4a803c0ebff0',
          shopName: 'My DESHOP',
        },
      },
      status: 'WAITING_FOR_BUYER',
      subject: 'SELLER.ORDERS.ORDER_CONFIRMATION',
      unseenMessagesCount: 0,
    },
  ],
  message: '[15] chats have been fetched successfully',
  metadata: {
    limit: 15,
    offset: 21,
    total: 57,
  },
  status: 'success',
};

/** seed:metro-chats */
export const unseenChatsResponse = {
  data: {
    chats: [
      {
        buyer: {
          firstName: 'Quality Business',
          id: '7cc2d1d0-bf2c-4af6-89c0-01fbb24a436a',
          lastName: 'Valid Vies',
        },
        category: {
          id: 211,
          locale: 'en',
          name: 'Order status',
          parent: {
            id: 210,
            name: 'Order',
          },
        },
        createdAt: '2025-09-02T19:41:12+00:00',
        customSubject: null,
        id: '9fc8aac4-6fce-43f2-b230-0b372097729b',
        isSeen: true,
        lastMessageAt: '2025-09-02T19:41:12+00:00',
        order: {
          id: '4cff7a94-224c-45e4-8187-6d978e3afab5',
          orderNumber: 'O25-568200129071',
          salesChannel: 'pt',
        },
        seller: {
          accounts: [
            {
              firstName: 'Test',
              id: '18461e1b-d845-4587-8ecb-90ba8838fc6e',
              lastName: 'Metro',
            },
          ],
          organization: {
            id: '581c41ea-6bc5-4716-a325-4a803c0ebff0',
            shopName: 'My DESHOP',
          },
        },
        status: 'WAITING_FOR_BUYER',
        subject: 'SELLER.ORDERS.ORDER_CONFIRMATION',
        unseenMessagesCount: 0,
      },
    ],
    count: 1,
  },
  message: '[1] chats with unseen messages have been fetched successfully',
  status: 'success',
};

/** seed:metro-messages */
export const uploadFileResponse = {
  status: 'success',
  message: 'File uploaded successfully.',
  data: {
    fileId:
      'files/229dc41e-d3d5-4243-8789-53898cc69022/e13514f4-18fa-479e-88d7-e79eb3e02ef2/9aaba500-54dd-4ef5-b14d-f3190d157ee2',
    fileName: 'Test Document.pdf',
    fileType: 'application/pdf',
  },
  metadata: [],
};

/** seed:metro-messages */
export const sendMessageRequest = {
  content: 'Test OpenAPI 123',
  attachments: [
    {
      fileId:
        'files/229dc41e-d3d5-4243-8789-53898cc69022/e13514f4-18fa-479e-88d7-e79eb3e02ef2/9aaba500-54dd-4ef5-b14d-f3190d157ee2',
      fileType: 'application/pdf',
      fileName: 'Test Document',
    },
  ],
};

/** seed:metro-messages */
export const sendMessageResponse = {
  status: 'success',
  message: 'Message [9fd66bbe-cc4f-489e-810f-c136e3592326] has been created',
  data: {
    id: '9fd66bbe-cc4f-489e-810f-c136e3592326',
    chatId: '9eea824c-b69c-42c2-a9df-2cd545d57b50',
    senderId: '1ebeca48-baa3-40a2-8421-a2b12162008d',
    senderUserType: 'SELLER',
    receiverId: '78dc45b5-d0ae-4155-b26a-2a238bfc2a35',
    content: 'Test OpenAPI 123',
    seenAt: null,
    createdAt: '2025-09-09T15:46:34+00:00',
    attachments: [
      {
        fileId:
          'files/229dc41e-d3d5-4243-8789-53898cc69022/e13514f4-18fa-479e-88d7-e79eb3e02ef2/9aaba500-54dd-4ef5-b14d-f3190d157ee2',
        fileType: 'application/pdf',
        fileName: 'Test Document',
        downloadUrl:
          'https://storage.googleapis.com/service-message-center-bucket-pp-de/files/229dc41e-d3d5-4243-8789-53898cc69022/...',
      },
    ],
  },
  metadata: [],
};

/** seed:metro-messages */
export const listMessagesResponse = {
  status: 'success',
  message: 'Messages for chatId [9eea824c-b69c-42c2-a9df-2cd545d57b50] fetched successfully',
  data: [
    {
      id: '9fc8202f-b40d-46cb-bd5c-dcb341ac3551',
      chatId: '9eea824c-b69c-42c2-a9df-2cd545d57b50',
      senderId: '78dc45b5-d0ae-4155-b26a-2a238bfc2a35',
      senderUserType: 'BUYER',
      receiverId: '136eb8b3-c0aa-44e6-86cb-a050587ac0a9',
      content: 'Test message from buyer',
      seenAt: '2025-09-09T14:52:00+00:00',
      createdAt: '2025-09-02T13:13:42+00:00',
      attachments: [
        {
          fileId:
            'files/229dc41e-d3d5-4243-8789-53898cc69022/e13514f4-18fa-479e-88d7-e79eb3e02ef2/9aaba500-54dd-4ef5-b14d-f3190d157ee2',
          fileType: 'application/pdf',
          fileName: 'Test Document',
          downloadUrl:
            'https://storage.googleapis.com/service-message-center-bucket-pp-de/files/229dc41e-d3d5-4243-8789-53898cc69022/...',
        },
      ],
    },
  ],
  metadata: [],
};
